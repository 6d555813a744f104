#pragma once
// LocalDnsServer: a small authoritative DNS server on UDP for tests (RFC 1035 messages): MX, A and
// TXT records it is given, NXDOMAIN for every other name, SERVFAIL for names told to fail. Qt's
// QDnsLookup asks a nameserver on port 53 only, so it listens on 127.0.0.1:53 (which needs the
// right to bind a low port: tests skip when start() fails). 127.0.0.1: glibc's resolver, as
// QDnsLookup drives it, did not take answers from another loopback address (127.0.0.77).

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QSet>
#include <QUdpSocket>

namespace fliptech::test {

class LocalDnsServer final : public QObject
{
    Q_OBJECT
public:
    explicit LocalDnsServer(QObject *parent = nullptr);
    bool start(const QHostAddress &address = QHostAddress(QStringLiteral("127.0.0.1")), quint16 port = 53);
    QHostAddress address() const { return m_socket.localAddress(); }
    QString errorString() const { return m_socket.errorString(); }

    void addMx(const QString &domain, int preference, const QString &exchange); // exchange "" or ".": a null MX
    void addA(const QString &name, const QHostAddress &ipv4);
    void addTxt(const QString &name, const QByteArray &text); // one TXT record (split in 255-byte strings)
    void addEmpty(const QString &name); // exists, with no records of any type asked
    void addFailure(const QString &name); // answers SERVFAIL
    int queries() const { return m_queries; }
    // How often `name` was asked about (any type).
    int queries(const QString &name) const { return m_asked.value(name.toLower()); }

private:
    void readPending();
    QByteArray answer(const QByteArray &query) const;

    QUdpSocket m_socket;
    QHash<QString, QList<QPair<int, QString>>> m_mx;
    QHash<QString, QList<QHostAddress>> m_a;
    QHash<QString, QList<QByteArray>> m_txt;
    QSet<QString> m_empty, m_fail;
    int m_queries = 0;
    mutable QHash<QString, int> m_asked;
};

} // namespace fliptech::test
