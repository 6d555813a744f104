#include "localdnsserver.h"

#include <QNetworkDatagram>

namespace fliptech::test {

namespace {

void put16(QByteArray &out, quint16 v)
{
    out.append(char(v >> 8));
    out.append(char(v & 0xff));
}

void putName(QByteArray &out, const QString &name)
{
    for (const QString &label : name.split(u'.', Qt::SkipEmptyParts)) {
        const QByteArray l = label.toLatin1().left(63);
        out.append(char(l.size()));
        out.append(l);
    }
    out.append(char(0));
}

} // namespace

LocalDnsServer::LocalDnsServer(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &LocalDnsServer::readPending);
}

bool LocalDnsServer::start(const QHostAddress &address, quint16 port)
{
    return m_socket.bind(address, port);
}

void LocalDnsServer::addMx(const QString &domain, int preference, const QString &exchange)
{
    m_mx[domain.toLower()].append({preference, exchange});
}

void LocalDnsServer::addA(const QString &name, const QHostAddress &ipv4)
{
    m_a[name.toLower()].append(ipv4);
}

void LocalDnsServer::addTxt(const QString &name, const QByteArray &text)
{
    m_txt[name.toLower()].append(text);
}

void LocalDnsServer::addEmpty(const QString &name)
{
    m_empty.insert(name.toLower());
}

void LocalDnsServer::addFailure(const QString &name)
{
    m_fail.insert(name.toLower());
}

void LocalDnsServer::readPending()
{
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram d = m_socket.receiveDatagram();
        ++m_queries;
        const QByteArray reply = answer(d.data());
        if (!reply.isEmpty())
            m_socket.writeDatagram(d.makeReply(reply));
    }
}

QByteArray LocalDnsServer::answer(const QByteArray &q) const
{
    if (q.size() < 17)
        return {};
    // The question: labels from offset 12, then type and class.
    QStringList labels;
    int at = 12;
    while (at < q.size() && q.at(at) != 0) {
        const int len = quint8(q.at(at));
        if (len > 63 || at + 1 + len > q.size())
            return {};
        labels << QString::fromLatin1(q.mid(at + 1, len)).toLower();
        at += 1 + len;
    }
    if (at + 5 > q.size())
        return {};
    const QString name = labels.join(u'.');
    ++m_asked[name];
    const quint16 type = quint16((quint8(q.at(at + 1)) << 8) | quint8(q.at(at + 2)));
    const QByteArray question = q.mid(12, at + 5 - 12);
    QList<QByteArray> records;
    const bool known = m_mx.contains(name) || m_a.contains(name) || m_txt.contains(name) || m_empty.contains(name);
    if (type == 15) { // MX
        for (const auto &[preference, exchange] : m_mx.value(name)) {
            QByteArray rdata;
            put16(rdata, quint16(preference));
            putName(rdata, exchange == QLatin1String(".") ? QString() : exchange);
            records << rdata;
        }
    } else if (type == 16) { // TXT: character-strings of at most 255 bytes
        for (const QByteArray &text : m_txt.value(name)) {
            QByteArray rdata;
            for (qsizetype i = 0; i < qMax<qsizetype>(1, text.size()); i += 255) {
                const QByteArray part = text.mid(i, 255);
                rdata.append(char(part.size()));
                rdata.append(part);
            }
            records << rdata;
        }
    } else if (type == 1) { // A
        for (const QHostAddress &a : m_a.value(name)) {
            QByteArray rdata;
            const quint32 v = a.toIPv4Address();
            put16(rdata, quint16(v >> 16));
            put16(rdata, quint16(v & 0xffff));
            records << rdata;
        }
    }
    const quint16 rcode = m_fail.contains(name) ? 2 : known ? 0 : 3; // SERVFAIL, NOERROR, NXDOMAIN
    QByteArray out;
    out.append(q.left(2));                  // id
    put16(out, quint16(0x8400 | 0x0100 | 0x0080 | rcode)); // response, authoritative, RD, RA
    put16(out, 1);
    put16(out, rcode == 0 ? quint16(records.size()) : 0);
    put16(out, 0);
    put16(out, 0);
    out.append(question);
    if (rcode == 0) {
        for (const QByteArray &rdata : records) {
            put16(out, 0xC00C); // the name: a pointer to the question's
            put16(out, type);
            put16(out, 1);      // IN
            put16(out, 0);
            put16(out, 60);     // TTL
            put16(out, quint16(rdata.size()));
            out.append(rdata);
        }
    }
    return out;
}

} // namespace fliptech::test
