# Verifies a DKIM signature with dkimpy (Debian's python3-dkim), the selector's TXT record given
# on the command line instead of asked of DNS. Prints "ok" or "fail".
import sys

import dkim

record = sys.argv[1].encode()
message = sys.stdin.buffer.read()
print("ok" if dkim.verify(message, dnsfunc=lambda name, timeout=5: record) else "fail")
