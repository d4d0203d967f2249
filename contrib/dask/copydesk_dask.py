#!/usr/bin/python3
"""Lint a JSON Lines dataset with copydesk on a Dask distributed cluster.

copydesk is the map step: each partition (one input file of the dataset) is streamed through
``copydesk check --input jsonl -`` in a subprocess on a worker, and its output is written as one
part file of the result, ``part-00000.jsonl`` for the first input and so on. Nothing of the data
goes through Dask itself, so a worker holds a pipe's worth of it whatever the partition's size;
Dask schedules the partitions and runs a failed one again (``retries``).

A partition counts as failed, and is retried, when copydesk does not end with 0, 1 or 2 (its
exit codes for clean, findings, bad records) or when its output does not hold one summary or
error record per input record (a crash, a killed process). A part file is written under a
temporary name and renamed when complete, so a retried or repeated run never leaves half a file.

From Python::

    from distributed import Client
    import copydesk_dask
    with Client("tcp://scheduler:8786") as client:
        client.upload_file("contrib/dask/copydesk_dask.py")   # workers import it
        results = copydesk_dask.lint_dataset(client, ["/data/export/*.jsonl"], "/data/lint",
                                             copydesk="/usr/bin/copydesk", args=["--lang", "en_GB"])

From the shell (exit code as copydesk's: 2 bad records, 1 findings, 0 clean)::

    python3 copydesk_dask.py --scheduler tcp://scheduler:8786 --output /data/lint \\
        '/data/export/*.jsonl' -- --lang en_GB

Input and output paths must be readable and writable under the same names on every worker
(a shared file system), as must the copydesk binary.
"""

import argparse
import glob
import os
import subprocess
import sys
import tempfile
import threading
import uuid

# copydesk's exit codes that mean "the partition was linted": clean, findings, bad records.
LINTED_EXIT_CODES = (0, 1, 2)
# What marks the record of a line in copydesk's record output (see docs/json-output.md).
SUMMARY_MARK = b',"summary":{"diagnostics":'
ERROR_START = b'{"input":'


class PartitionFailed(RuntimeError):
    """copydesk did not lint a whole partition; Dask retries the task."""


def input_files(patterns):
    """The files the patterns name (globs, files or directories of *.jsonl), sorted, each once."""
    files = []
    for pattern in patterns:
        if os.path.isdir(pattern):
            files.extend(glob.glob(os.path.join(pattern, "*.jsonl")))
        else:
            matched = glob.glob(pattern)
            files.extend(matched if matched else [pattern])
    return sorted(set(files))


def _feed(source, sink, counts):
    """Copies the partition into copydesk's standard input, counting its non-blank lines."""
    try:
        for line in source:
            if line.strip():
                counts["records"] += 1
            sink.write(line)
    except BrokenPipeError:
        counts["broken_pipe"] = True
    finally:
        try:
            sink.close()
        except BrokenPipeError:
            counts["broken_pipe"] = True


def lint_file(input_path, output_path, copydesk="copydesk", args=()):
    """Lints one partition: `input_path` through copydesk into `output_path`, atomically.

    Returns the partition's counts: records, findings, bad_records and copydesk's exit_code.
    Raises PartitionFailed when the output is incomplete, so that Dask runs the task again.
    """
    command = [copydesk, "check", "--input", "jsonl", "--stdin-filename", input_path,
               *args, "-"]
    directory = os.path.dirname(os.path.abspath(output_path))
    os.makedirs(directory, exist_ok=True)
    temporary = os.path.join(directory, ".%s.%s.tmp" % (os.path.basename(output_path),
                                                         uuid.uuid4().hex))
    counts = {"records": 0, "broken_pipe": False}
    written = {"summaries": 0, "findings": 0, "bad_records": 0}
    try:
        with open(input_path, "rb") as source, open(temporary, "wb") as sink, \
                tempfile.TemporaryFile() as errors:
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=errors)
            feeder = threading.Thread(target=_feed, args=(source, process.stdin, counts))
            feeder.start()
            for line in process.stdout:
                if line.startswith(ERROR_START):
                    written["bad_records"] += 1
                elif SUMMARY_MARK in line:
                    written["summaries"] += 1
                else:
                    written["findings"] += 1
                sink.write(line)
            feeder.join()
            exit_code = process.wait()
            sink.flush()
            os.fsync(sink.fileno())
            errors.seek(max(0, os.fstat(errors.fileno()).st_size - 2000))
            stderr_tail = errors.read().decode("utf-8", "replace")
        accounted = written["summaries"] + written["bad_records"]
        if exit_code not in LINTED_EXIT_CODES or accounted != counts["records"]:
            raise PartitionFailed(
                "%s: copydesk exited with %s after %d of %d records: %s"
                % (input_path, exit_code, accounted, counts["records"], stderr_tail.strip()))
        os.replace(temporary, output_path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return {"input": input_path, "output": output_path, "records": counts["records"],
            "findings": written["findings"], "bad_records": written["bad_records"],
            "exit_code": exit_code}


def lint_dataset(client, inputs, output_dir, copydesk="copydesk", args=(), retries=2):
    """Lints every *.jsonl file `inputs` names (globs, files, directories) on `client`'s cluster.

    Writes output_dir/part-NNNNN.jsonl for the N-th input file (sorted by name) and returns the
    counts of each partition (see lint_file), in that order. A partition that still fails after
    `retries` more attempts raises its PartitionFailed here.
    """
    files = input_files(inputs)
    outputs = [os.path.join(output_dir, "part-%05d.jsonl" % index) for index in range(len(files))]
    futures = client.map(lint_file, files, outputs, copydesk=copydesk, args=list(args),
                         retries=retries, pure=False)
    return client.gather(futures)


def exit_code_of(results):
    """copydesk's exit code for the whole dataset: the worst of the partitions'."""
    return max((result["exit_code"] for result in results), default=0)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Lint JSON Lines files with copydesk on a Dask cluster; copydesk options "
                    "follow '--'.")
    parser.add_argument("inputs", nargs="+", help="*.jsonl files, globs or directories")
    parser.add_argument("--scheduler", help="scheduler address (tcp://host:8786)")
    parser.add_argument("--scheduler-file", help="scheduler file written by dask-scheduler")
    parser.add_argument("--output", required=True, help="directory for the part files")
    parser.add_argument("--copydesk", default="copydesk", help="the copydesk binary on workers")
    parser.add_argument("--retries", type=int, default=2, help="attempts after a failure")
    argv = sys.argv[1:] if argv is None else argv
    copydesk_args = []
    if "--" in argv:
        copydesk_args = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    options = parser.parse_args(argv)
    from distributed import Client
    # Run as a script, this file is __main__; its functions must reach the workers by the
    # module's name, which upload_file makes importable there.
    import copydesk_dask
    with Client(options.scheduler, scheduler_file=options.scheduler_file) as client:
        client.upload_file(os.path.abspath(__file__))
        results = copydesk_dask.lint_dataset(client, options.inputs, options.output, options.copydesk,
                               copydesk_args, options.retries)
    for result in results:
        print("%(input)s -> %(output)s: %(records)d records, %(findings)d findings, "
              "%(bad_records)d bad records" % result, file=sys.stderr)
    return exit_code_of(results)


if __name__ == "__main__":
    sys.exit(main())
