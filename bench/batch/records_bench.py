#!/usr/bin/python3
"""Batch records: throughput of `copydesk check --input jsonl` on one process and on a local
Dask cluster (contrib/dask), and how its cost grows with the number of records.

Records are generated from the presidential addresses of ../shared/corpora (training text):
two to five consecutive sentences each, with a repeated word put into one record in ten so that
some have findings. Each figure is a whole-process measurement: wall time, the CPU time of
copydesk (its rusage) and its peak memory (VmHWM, read while it runs), all from the same run.

    /usr/bin/python3 bench/batch/records_bench.py --copydesk build/copydesk \\
        --corpora ../shared/corpora --records 100000 --scaling 10000,100000,1000000
"""

import argparse
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "contrib", "dask"))


def sentences(corpora):
    """The sentences of the addresses, in file order."""
    found = []
    for path in sorted(glob.glob(os.path.join(corpora, "us-presidential-addresses", "*", "*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as text:
            flat = " ".join(text.read().split())
        found.extend(part for part in re.split(r"(?<=[.!?])\s+", flat) if len(part) > 20)
    if not found:
        sys.exit("no text under %s/us-presidential-addresses" % corpora)
    return found


def write_records(path, count, pool, seed=1):
    """`count` records of 2 to 5 consecutive sentences; one in ten with a repeated word."""
    chooser = random.Random(seed)
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        for number in range(count):
            start = chooser.randrange(len(pool) - 5)
            text = " ".join(pool[start:start + chooser.randint(2, 5)])
            if number % 10 == 0:
                words = text.split(" ")
                at = chooser.randrange(len(words))
                words.insert(at, words[at])
                text = " ".join(words)
            line = json.dumps({"id": "r%07d" % number, "text": text}, ensure_ascii=False) + "\n"
            size += len(line.encode())
            out.write(line)
    return size


def peak_mib(pid):
    """The process's peak resident memory so far (VmHWM), in MiB; 0 once it has ended."""
    try:
        with open("/proc/%d/status" % pid) as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0


def run_single(copydesk, path, jobs):
    """One copydesk process over the file: wall seconds, CPU seconds, peak MiB, output lines.

    The peak is read from /proc while it runs (every 20 ms): the rusage of wait4 would count the
    memory of this Python process, which the child had until it ran copydesk.
    """
    start = time.monotonic()
    peak = 0
    with open(path, "rb") as source, tempfile.TemporaryFile() as sink:
        process = subprocess.Popen([copydesk, "check", "--input", "jsonl", "--jobs", str(jobs),
                                    "-"], stdin=source, stdout=sink, stderr=subprocess.DEVNULL)
        while True:
            ended, status, usage = os.wait4(process.pid, os.WNOHANG)
            if ended:
                break
            peak = max(peak, peak_mib(process.pid))
            time.sleep(0.02)
        wall = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            sys.exit("copydesk exited %d on %s" % (process.returncode, path))
        sink.seek(0)
        lines = sum(1 for _ in sink)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mib": peak,
            "lines": lines}


def split(path, parts, directory):
    """The file cut into `parts` files of consecutive records, for the cluster's partitions."""
    with open(path, encoding="utf-8") as source:
        lines = source.readlines()
    per_part = -(-len(lines) // parts)
    os.makedirs(directory)
    for number in range(parts):
        with open(os.path.join(directory, "part-%03d.jsonl" % number), "w",
                  encoding="utf-8") as out:
            out.writelines(lines[number * per_part:(number + 1) * per_part])


def run_cluster(copydesk, path, workers, parts, directory):
    """The same records on a local Dask cluster of `workers` processes of one thread each."""
    import copydesk_dask
    from distributed import Client, LocalCluster
    inputs = os.path.join(directory, "partitions")
    split(path, parts, inputs)
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.wait_for_workers(workers)
        start = time.monotonic()
        results = copydesk_dask.lint_dataset(client, [inputs], os.path.join(directory, "out"),
                                             copydesk=copydesk, args=["--jobs", "1"])
        wall = time.monotonic() - start
    return {"wall": wall, "records": sum(result["records"] for result in results)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copydesk", required=True)
    parser.add_argument("--corpora", default="../shared/corpora")
    parser.add_argument("--records", type=int, default=100000)
    parser.add_argument("--scaling", default="10000,100000,1000000")
    parser.add_argument("--jobs", type=int, default=2, help="threads of the single process")
    parser.add_argument("--workers", type=int, default=2, help="local cluster workers")
    parser.add_argument("--parts", type=int, default=8, help="partitions on the cluster")
    options = parser.parse_args()
    copydesk = os.path.abspath(options.copydesk)
    pool = sentences(options.corpora)
    directory = tempfile.mkdtemp(prefix="copydesk-records-bench-")
    try:
        main_file = os.path.join(directory, "records-%d.jsonl" % options.records)
        size = write_records(main_file, options.records, pool)
        print("%d records, %.1f MB, from %d sentences" % (options.records, size / 1e6, len(pool)))
        for jobs in sorted({1, options.jobs}):
            single = run_single(copydesk, main_file, jobs)
            print("single process --jobs %d: %.1f s wall, %.1f s CPU, %.0f records/s, "
                  "peak %.0f MiB" % (jobs, single["wall"], single["cpu"],
                                     options.records / single["wall"], single["peak_mib"]))
        cluster = run_cluster(copydesk, main_file, options.workers, options.parts,
                              os.path.join(directory, "cluster"))
        print("local Dask cluster, %d workers x 1 thread, %d partitions: %.1f s wall, "
              "%.0f records/s" % (options.workers, options.parts, cluster["wall"],
                                  cluster["records"] / cluster["wall"]))
        os.remove(main_file)
        print("scaling, single process --jobs 1:")
        base = None
        previous = None
        for count in [int(part) for part in options.scaling.split(",")]:
            path = os.path.join(directory, "scale-%d.jsonl" % count)
            size = write_records(path, count, pool)
            measured = run_single(copydesk, path, 1)
            os.remove(path)
            per_record = measured["cpu"] / count
            base = base or per_record
            print("  %9d records (%6.1f MB): %7.1f s CPU, %6.1f us/record (x%.2f of the first), "
                  "%.0f records/s wall, peak %.0f MiB"
                  % (count, size / 1e6, measured["cpu"], per_record * 1e6, per_record / base,
                     count / measured["wall"], measured["peak_mib"]))
            if previous:
                # Start-up (dictionaries, models) is paid once: the cost of the records added.
                added = (measured["cpu"] - previous["cpu"]) / (count - previous["count"])
                print("  %9s marginal cost from %d: %.1f us/record" % ("", previous["count"],
                                                                      added * 1e6))
            previous = dict(measured, count=count)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
