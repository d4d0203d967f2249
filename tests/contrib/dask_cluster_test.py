#!/usr/bin/python3
"""contrib/dask on a real local cluster: a dask-scheduler and two dask-worker processes on
127.0.0.1 (free ports chosen by the system), the dataset linted through copydesk_dask, and each
part file compared record by record with a single-process `copydesk check --input jsonl` run.

Run by CTest (label `contrib`): dask_cluster_test.py --copydesk build/copydesk. The processes
are started in sessions of their own and killed with their children whatever happens; the whole
test ends after DEADLINE_SECONDS.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(SOURCE_DIR, "contrib", "dask"))
import copydesk_dask  # noqa: E402

DEADLINE_SECONDS = 240
# A flaky copydesk: fails the first attempt at each partition, then runs the real one.
FLAKY_WRAPPER = """#!/bin/sh
marker="{markers}/$(printf '%s' "$*" | md5sum | cut -c1-16)"
if [ ! -e "$marker" ]; then touch "$marker"; echo "flaky: first attempt fails" >&2; exit 3; fi
exec "{copydesk}" "$@"
"""


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout("the cluster test took longer than %d s" % DEADLINE_SECONDS)


def tool(name):
    """A Dask command: on PATH, or next to this interpreter (both are Debian's /usr/bin)."""
    found = shutil.which(name) or shutil.which(name, path=os.path.dirname(sys.executable))
    if not found:
        sys.exit("FAIL: %s not found: install python3-distributed (make test installs it)" % name)
    return found


class Cluster:
    """A scheduler and workers on 127.0.0.1, each in its own session, stopped by stop()."""

    def __init__(self, directory):
        self.directory = directory
        self.processes = []
        self.scheduler_file = os.path.join(directory, "scheduler.json")

    def start(self, workers):
        log = open(os.path.join(self.directory, "scheduler.log"), "wb")
        self._spawn([tool("dask-scheduler"), "--host", "127.0.0.1", "--port", "0",
                     "--no-dashboard", "--scheduler-file", self.scheduler_file], log)
        wait_for(lambda: os.path.exists(self.scheduler_file), "the scheduler file", self)
        environment = dict(os.environ, PYTHONPATH=os.path.join(SOURCE_DIR, "contrib", "dask"))
        for number in range(workers):
            log = open(os.path.join(self.directory, "worker-%d.log" % number), "wb")
            self._spawn([tool("dask-worker"), "--scheduler-file", self.scheduler_file,
                         "--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1",
                         "--no-dashboard", "--no-nanny", "--death-timeout", "60",
                         "--name", "worker-%d" % number], log, environment)

    def _spawn(self, command, log, environment=None):
        self.processes.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                               env=environment, start_new_session=True))

    def dead(self):
        return [process.args[0] for process in self.processes if process.poll() is not None]

    def stop(self):
        for process in self.processes:
            signal_group(process, signal.SIGTERM)
        end = time.monotonic() + 10
        for process in self.processes:
            try:
                process.wait(timeout=max(0.1, end - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            signal_group(process, signal.SIGKILL)
            process.wait()

    def logs(self):
        text = []
        for name in sorted(os.listdir(self.directory)):
            if name.endswith(".log"):
                with open(os.path.join(self.directory, name), errors="replace") as log:
                    text.append("--- %s\n%s" % (name, log.read()[-3000:]))
        return "\n".join(text)


def signal_group(process, number):
    try:
        os.killpg(process.pid, number)
    except ProcessLookupError:
        pass


def wait_for(condition, what, cluster):
    while not condition():
        if cluster.dead():
            raise RuntimeError("%s ended while waiting for %s" % (cluster.dead(), what))
        time.sleep(0.1)


def write_dataset(directory):
    """Three partitions: good records of each kind, bad ones, a configuration found by path."""
    os.makedirs(os.path.join(directory, "news"))
    with open(os.path.join(directory, "news", "copydesk.toml"), "w") as config:
        config.write('[rules.repeated-word]\nseverity = "warning"\n')
    partitions = []
    for number in range(3):
        lines = []
        for index in range(40):
            record_id = "p%d-%02d" % (number, index)
            kind = index % 8
            if kind == 0:
                lines.append(json.dumps({"id": record_id, "text": "We saw the the harbour."}))
            elif kind == 1:
                lines.append(json.dumps({"id": record_id, "text": "# Title\n\nIt is a apple.",
                                         "syntax": "md"}))
            elif kind == 2:
                lines.append(json.dumps({"id": record_id, "text": "The colour was grey.",
                                         "language": "en_GB"}))
            elif kind == 3:
                lines.append(json.dumps({"id": record_id, "text": "Then the the end.",
                                         "path": os.path.join(directory, "news", "a.txt")}))
            elif kind == 4:
                lines.append('{"id": "%s", "text": ' % record_id)  # not JSON
            elif kind == 5:
                lines.append(json.dumps({"id": record_id}))  # no text
            elif kind == 6:
                lines.append(json.dumps({"id": number * 1000 + index,
                                         "text": "A clean sentence, nothing to say."}))
            else:
                lines.append(json.dumps({"id": record_id, "text": "café,then more"}))
        path = os.path.join(directory, "part-%d.jsonl" % number)
        with open(path, "w") as out:
            out.write("\n".join(lines) + "\n")
        partitions.append(path)
    return partitions


def records(text):
    return [json.loads(line) for line in text.splitlines()]


def single_process(copydesk, path):
    run = subprocess.run([copydesk, "check", "--input", "jsonl", path], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, timeout=120, check=False)
    if run.returncode != 2:  # the partitions hold bad records
        raise AssertionError("single-process run of %s exited %d: %s"
                             % (path, run.returncode, run.stderr.decode(errors="replace")))
    return records(run.stdout.decode())


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def compare(copydesk, partitions, results, output_dir):
    check([result["input"] for result in results] == partitions, "partitions out of order")
    for number, (path, result) in enumerate(zip(partitions, results)):
        check(result["output"] == os.path.join(output_dir, "part-%05d.jsonl" % number),
              "part file name of %s: %s" % (path, result["output"]))
        with open(result["output"]) as part:
            cluster = records(part.read())
        alone = single_process(copydesk, path)
        check(len(cluster) == len(alone), "%s: %d records on the cluster, %d alone"
              % (path, len(cluster), len(alone)))
        for line, (got, want) in enumerate(zip(cluster, alone), 1):
            check(got == want, "%s, output line %d:\ncluster: %s\nalone:   %s"
                  % (path, line, got, want))
        summaries = [record for record in cluster if "summary" in record]
        errors = [record for record in cluster if "error" in record]
        check(len(summaries) == 30 and len(errors) == 10,
              "%s: %d summaries, %d errors" % (path, len(summaries), len(errors)))
        check(errors[0]["input"] == path and errors[0]["line"] == 5,
              "%s: first error record %s" % (path, errors[0]))
        check(result == {"input": path, "output": result["output"], "records": 40,
                         "findings": len(cluster) - 40, "bad_records": 10, "exit_code": 2},
              "counts of %s: %s" % (path, result))
        # The configuration found by path made repeated-word a warning for kind 3 only.
        repeated = {record["id"]: record["severity"] for record in cluster
                    if record.get("rule") == "repeated-word"}
        check(repeated == {"p%d-%02d" % (number, index): "warning" if index % 8 == 3 else "error"
                           for index in range(40) if index % 8 in (0, 3)},
              "%s: repeated-word findings %s" % (path, repeated))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--copydesk", required=True)
    options = parser.parse_args()
    copydesk = os.path.abspath(options.copydesk)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(DEADLINE_SECONDS)
    directory = tempfile.mkdtemp(prefix="copydesk-dask-")
    cluster = Cluster(directory)
    try:
        partitions = write_dataset(os.path.join(directory, "data"))
        markers = os.path.join(directory, "markers")
        os.makedirs(markers)
        flaky = os.path.join(directory, "flaky-copydesk")
        with open(flaky, "w") as script:
            script.write(FLAKY_WRAPPER.format(markers=markers, copydesk=copydesk))
        os.chmod(flaky, 0o755)
        cluster.start(workers=2)
        from distributed import Client
        with Client(scheduler_file=cluster.scheduler_file, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
            output_dir = os.path.join(directory, "out")
            results = copydesk_dask.lint_dataset(client, [os.path.join(directory, "data")],
                                                 output_dir, copydesk=flaky, retries=2)
            workers = client.run(lambda: os.getpid())
        check(len(workers) == 2, "workers: %s" % workers)
        # Each partition failed once and was run again by Dask.
        check(len(os.listdir(markers)) == len(partitions), "retries: %s" % os.listdir(markers))
        check(sorted(os.listdir(output_dir)) == ["part-00000.jsonl", "part-00001.jsonl",
                                                 "part-00002.jsonl"],
              "output files: %s" % os.listdir(output_dir))
        compare(copydesk, partitions, results, output_dir)
        print("PASS: %d partitions linted on 2 workers match the single-process runs"
              % len(partitions))
        return 0
    except Exception as failure:
        print("FAIL: %s: %s\n%s" % (type(failure).__name__, failure, cluster.logs()))
        return 1
    finally:
        signal.alarm(0)
        cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
