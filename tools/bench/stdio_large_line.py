#!/usr/bin/env python3
"""Peak memory of the stdio server when a client sends one huge line (issue 10, item 6).

Launches the built server over stdio on an empty temp workspace, initializes it, reads its peak resident
memory (VmHWM in /proc/<pid>/status), sends one tools/call line of --megabytes MB, waits for the answer,
reads the peak again, then checks that a ping on the same process is still answered. Linux only.
Prints numbers; asserts nothing about them (machines differ).

    dotnet build -c Release src/Kiro.Mcp.Server
    tools/bench/stdio_large_line.py [--server path/to/Kiro.Mcp.Server.dll] [--megabytes 50]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def peak_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def answer(server, wanted_id):
    while True:
        line = server.stdout.readline()
        if not line:
            sys.exit("the server closed stdout")
        message = json.loads(line)
        if message.get("id") == wanted_id and ("result" in message or "error" in message):
            return message


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default=os.path.join(ROOT, "src/Kiro.Mcp.Server/bin/Release/net10.0/Kiro.Mcp.Server.dll"))
    parser.add_argument("--megabytes", type=int, default=50)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kiro-mcp-bench-") as workspace:
        server = subprocess.Popen(
            ["dotnet", args.server, "--stdio", "--workspace", workspace],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        try:
            send = lambda text: (server.stdin.write(text.encode() + b"\n"), server.stdin.flush())
            send(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
                "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}}))
            answer(server, 1)
            send(json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}))
            time.sleep(1)
            before = peak_mb(server.pid)

            # A spec_write whose content is the huge part, the way an assistant would send a big document.
            head = json.dumps({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "spec_write", "arguments": {
                "spec": "huge", "document": "requirements", "content": ""}}})[:-4].encode()
            started = time.monotonic()
            server.stdin.write(head)
            piece = b"a" * (1024 * 1024)
            for _ in range(args.megabytes):
                server.stdin.write(piece)
            server.stdin.write(b'"}}}\n')
            server.stdin.flush()
            reply = answer(server, 2)
            seconds = time.monotonic() - started
            after = peak_mb(server.pid)

            send(json.dumps({"jsonrpc": "2.0", "id": 3, "method": "ping"}))
            ping = answer(server, 3)

            outcome = reply.get("error", {}).get("message") or ("tool error" if reply["result"].get("isError") else "result")
            print(f"line                {args.megabytes} MB")
            print(f"peak before (VmHWM) {before:8.1f} MB")
            print(f"peak after  (VmHWM) {after:8.1f} MB   (+{after - before:.1f} MB)")
            print(f"answer              {outcome[:100]}")
            print(f"answered in         {seconds:8.2f} s")
            print(f"next request        {'answered' if 'result' in ping else 'failed'}")
        finally:
            server.stdin.close()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
