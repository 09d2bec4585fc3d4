#!/usr/bin/env python3
"""Liveness check: N clients, each on one keep-alive connection, send GETs in a fixed mix and
count the requests that get no answer within the timeout.

    scripts/mixed-gets.py [url=http://localhost:8080] [clients=4] [requests_each=120] [timeout_s=8]

A fresh key is issued with POST /keys. It reproduced a hang in which 1 to 13 of 600 requests went
unanswered before the cached-key fix (AuthCache) and none of 4,300 after. It prints the unanswered
requests and exits non-zero if there were any. Standard library only."""
import http.client
import json
import sys
import threading
import urllib.parse

url = urllib.parse.urlparse(sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080")
clients = int(sys.argv[2]) if len(sys.argv) > 2 else 4
each = int(sys.argv[3]) if len(sys.argv) > 3 else 120
timeout = float(sys.argv[4]) if len(sys.argv) > 4 else 8
paths = ["/account", "/fmus", "/runs", "/library?query=Ball", "/account/keys"]


def connect():
    return http.client.HTTPConnection(url.hostname, url.port or 80, timeout=timeout)


issuer = connect()
issuer.request("POST", "/keys")
key = json.loads(issuer.getresponse().read())["key"]
lost = []


def client(number):
    connection = connect()
    for n in range(each):
        path = paths[n % len(paths)]
        try:
            connection.request("GET", path, headers={"Authorization": "Bearer " + key})
            connection.getresponse().read()
        except Exception as e:  # a timeout is what this looks for
            lost.append((number, n, path, type(e).__name__))
            connection.close()
            connection = connect()


threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{clients * each} requests, {len(lost)} unanswered within {timeout} s")
for entry in lost:
    print("  client %d, request %d, GET %s: %s" % entry)
sys.exit(1 if lost else 0)
