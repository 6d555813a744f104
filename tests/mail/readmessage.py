# How Python's email package (policy default, the parser mail tools use) reads a message given on
# stdin: tst_mime checks our MIME against another implementation. Prints one JSON object.
import email
import email.policy
import json
import sys

data = sys.stdin.buffer.read()
m = email.message_from_bytes(data, policy=email.policy.default)
parts, defects = [], len(m.defects)
for p in m.walk():
    defects += len(p.defects)
    if p.is_multipart():
        continue
    parts.append({"type": p.get_content_type(), "charset": p.get_content_charset(), "content": p.get_content()})
print(json.dumps({
    "subject": str(m["subject"]),
    "from": str(m["from"]),
    "from_name": m["from"].addresses[0].display_name,
    "to": [str(a) for a in m["to"].addresses],
    "message_id": str(m["message-id"]),
    "list_unsubscribe": str(m.get("list-unsubscribe", "")),
    "one_click": str(m.get("list-unsubscribe-post", "")),
    "content_type": m.get_content_type(),
    "parts": parts,
    "defects": defects,
    "longest_line": max(len(line) for line in data.split(b"\r\n")),
}))
