#!/usr/bin/env python3
"""A local server speaking n8n's public REST API, for the tests where a real n8n cannot be
installed (no Node.js 20, no npm registry): tests/support/n8nserver.cpp starts it instead.

What it speaks, as n8n 2.8.4 documents and answers it (checked against the real one, see
../shared/recipes/n8n.md):
  header X-N8N-API-KEY (401 {"message": "unauthorized"} when wrong);
  POST /api/v1/workflows; GET /api/v1/workflows (?limit, ?cursor, ?active) with nextCursor;
  GET /api/v1/workflows/{id}; POST /api/v1/workflows/{id}/activate|deactivate (400 with n8n's
  words for a workflow without a trigger); GET /api/v1/executions (?workflowId, ?status, ?limit,
  ?cursor, ?includeData) and /api/v1/executions/{id};
  production webhooks: <METHOD> /webhook/<path> of an active workflow start it (200 {"message":
  "Workflow was started"}; 404 with n8n's words otherwise); the run is recorded as an execution
  whose Webhook node output is {headers, params, query, body}.
It runs no node after the trigger: a test that needs a workflow's nodes to act needs the real
n8n (N8nServer::isReal()).

Usage: n8nstandin.py PORT API_KEY
"""
import base64
import json
import secrets
import sys
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LOCK = threading.Lock()
WORKFLOWS = {}  # id -> workflow
EXECUTIONS = []  # oldest first
TRIGGERS = {"n8n-nodes-base.webhook", "n8n-nodes-base.scheduleTrigger", "n8n-nodes-base.cron", "n8n-nodes-base.formTrigger"}


def now():
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def page(items, query):
    """n8n's cursor paging: an opaque cursor holding the offset."""
    try:
        limit = int(query.get("limit", ["100"])[0])
        offset = int(json.loads(base64.b64decode(query["cursor"][0]))["offset"]) if "cursor" in query else 0
    except (ValueError, KeyError, json.JSONDecodeError):
        return None
    if limit < 1 or limit > 250:
        return None
    chunk = items[offset:offset + limit]
    more = offset + limit < len(items)
    cursor = base64.b64encode(json.dumps({"offset": offset + limit}).encode()).decode() if more else None
    return chunk, cursor


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    api_key = ""

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body, separators=(",", ":")).encode()  # compact, as n8n answers
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        try:
            return json.loads(self.raw) if self.raw else {}
        except json.JSONDecodeError:
            return None

    def route(self, method):
        # Read whatever came, so a kept-alive connection's next request starts where it should.
        length = int(self.headers.get("Content-Length") or 0)
        self.raw = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        parts = [p for p in url.path.split("/") if p]
        if parts[:1] == ["webhook"] and len(parts) >= 2:
            return self.webhook(method, "/".join(parts[1:]), query)
        if url.path == "/rest/settings":
            return self.answer(200, {"data": {"userManagement": {}, "standIn": True}})
        if parts[:2] != ["api", "v1"]:
            return self.answer(404, {"message": "not found"})
        if self.headers.get("X-N8N-API-KEY") != self.api_key:
            return self.answer(401, {"message": "unauthorized"})
        rest = parts[2:]
        with LOCK:
            if rest == ["workflows"] and method == "POST":
                return self.create_workflow()
            if rest == ["workflows"] and method == "GET":
                items = [w for w in WORKFLOWS.values() if "active" not in query or str(w["active"]).lower() == query["active"][0]]
                paged = page(items, query)
                if paged is None:
                    return self.answer(400, {"message": "request/query/limit must be <= 250"})
                return self.answer(200, {"data": paged[0], "nextCursor": paged[1]})
            if len(rest) >= 2 and rest[0] == "workflows":
                workflow = WORKFLOWS.get(rest[1])
                if workflow is None:
                    return self.answer(404, {"message": "Not Found"})
                if len(rest) == 2 and method == "GET":
                    return self.answer(200, workflow)
                if len(rest) == 3 and method == "POST" and rest[2] in ("activate", "deactivate"):
                    if rest[2] == "activate" and not any(n.get("type") in TRIGGERS and not n.get("disabled") for n in workflow["nodes"]):
                        return self.answer(400, {"message": "Workflow cannot be activated because it has no trigger node. At least one trigger, "
                                                            "webhook, or polling node is required."})
                    workflow["active"] = rest[2] == "activate"
                    workflow["updatedAt"] = now()
                    return self.answer(200, workflow)
            if rest == ["executions"] and method == "GET":
                items = [e for e in reversed(EXECUTIONS)
                         if ("workflowId" not in query or e["workflowId"] == query["workflowId"][0])
                         and ("status" not in query or e["status"] == query["status"][0])]
                paged = page(items, query)
                if paged is None:
                    return self.answer(400, {"message": "request/query/limit must be <= 250"})
                with_data = query.get("includeData", ["false"])[0] == "true"
                return self.answer(200, {"data": [e if with_data else {k: v for k, v in e.items() if k != "data"} for e in paged[0]],
                                         "nextCursor": paged[1]})
            if len(rest) == 2 and rest[0] == "executions" and method == "GET":
                for e in EXECUTIONS:
                    if e["id"] == rest[1]:
                        return self.answer(200, e if query.get("includeData", ["false"])[0] == "true" else {k: v for k, v in e.items() if k != "data"})
                return self.answer(404, {"message": "Not Found"})
        return self.answer(405 if rest else 404, {"message": "not found"})

    def create_workflow(self):
        body = self.body()
        if not isinstance(body, dict) or not body.get("name") or not isinstance(body.get("nodes"), list):
            return self.answer(400, {"message": "request/body must have required property 'name', 'nodes'"})
        stamp = now()
        workflow = {"id": secrets.token_urlsafe(12)[:16], "name": body["name"], "active": False, "isArchived": False,
                    "nodes": body["nodes"], "connections": body.get("connections", {}), "settings": body.get("settings", {}),
                    "tags": [], "createdAt": stamp, "updatedAt": stamp}
        WORKFLOWS[workflow["id"]] = workflow
        return self.answer(200, workflow)

    def webhook(self, method, path, query):
        body = self.body()
        with LOCK:
            for workflow in WORKFLOWS.values():
                if not workflow["active"]:
                    continue
                for node in workflow["nodes"]:
                    p = node.get("parameters", {})
                    if node.get("type") == "n8n-nodes-base.webhook" and p.get("path") == path and p.get("httpMethod", "GET") == method:
                        started = now()
                        output = {"headers": {k.lower(): v for k, v in self.headers.items()}, "params": {},
                                  "query": {k: v[0] for k, v in query.items()}, "body": body if body is not None else {}}
                        EXECUTIONS.append({"id": str(len(EXECUTIONS) + 1), "finished": True, "mode": "webhook", "retryOf": None,
                                           "retrySuccessId": None, "status": "success", "startedAt": started, "stoppedAt": now(),
                                           "workflowId": workflow["id"], "waitTill": None,
                                           "data": {"resultData": {"runData": {node.get("name", "Webhook"): [
                                               {"data": {"main": [[{"json": output}]]}}]}}}})
                        return self.answer(200, {"message": "Workflow was started"})
        return self.answer(404, {"code": 404, "message": f'The requested webhook "{method} {path}" is not registered.'})

    def do_GET(self):
        self.route("GET")

    def do_POST(self):
        self.route("POST")

    def do_PUT(self):
        self.route("PUT")

    def do_DELETE(self):
        self.route("DELETE")


def main():
    port, key = int(sys.argv[1]), sys.argv[2]
    Handler.api_key = key
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    print(f"n8n stand-in on 127.0.0.1:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
