"""Runs shell commands for the admin page. Insecure on purpose."""
import subprocess


def ping(host):
    # B602: a shell with user input.
    return subprocess.call("ping -c 1 " + host, shell=True)


def disk_usage(path):
    return subprocess.check_output(["du", "-sh", path])
