# A real SMTP server for the tests (aiosmtpd, Debian's python3-aiosmtpd): it accepts every
# recipient except those whose address starts with "bounce" (550 5.1.1) or "later" (451 4.3.0),
# and every sender except those starting with "blocked" (550 5.7.1: the mailbox's problem),
# and writes each message it accepts, as received, to <dir>/<n>.eml with the envelope in
# X-MailFrom / X-RcptTo lines first. Prints "ready" when it listens; stops when stdin closes.
#   python3 smtpsink.py PORT DIR
import os
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0
        self.greetings = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        # One greeting a connection: the tests count them to see connections reused.
        session.host_name = hostname
        self.greetings += 1
        with open(os.path.join(self.directory, "greetings"), "w") as f:
            f.write(str(self.greetings))
        return responses

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if address.startswith("blocked"):
            return "550 5.7.1 Sender address rejected"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("bounce"):
            return "550 5.1.1 No such user here"
        if address.startswith("later"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        head = "X-MailFrom: %s\r\nX-RcptTo: %s\r\n" % (envelope.mail_from, ",".join(envelope.rcpt_tos))
        path = os.path.join(self.directory, "%06d.eml" % self.count)
        with open(path + ".part", "wb") as f:
            f.write(head.encode() + envelope.original_content)
        os.rename(path + ".part", path)
        return "250 Message accepted for delivery"


controller = Controller(Sink(sys.argv[2]), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
