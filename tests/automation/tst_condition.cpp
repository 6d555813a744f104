// Rule conditions (issue 15): every operator of every kind of field against a lead, the groups
// and NOT, what an update changed, and each refusal with the path of the mistake.
#include "tst_condition.h"

#include "fliptech/automation/condition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using fliptech::automation::Condition;

namespace {

QJsonValue parse(const char *text)
{
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray(text));
    return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
}

const char *kLead = R"({"id": 7, "name": "Joe's Plumbing", "city": "Austin", "region": "TX", "status": "new", "score": 72,
  "email": "joe@joesplumbing.example", "website": null, "created_at": "2026-01-10T12:00:00.000Z",
  "enriched_at": null, "tags": [{"id": 1, "name": "Hot"}, {"id": 2, "name": "plumbing"}]})";

} // namespace


void tst_Condition::matches_data()
{
    QTest::addColumn<QString>("conditions");
    QTest::addColumn<QString>("logic");
    QTest::addColumn<QString>("changes");
    QTest::addColumn<bool>("expected");

    auto row = [](const char *name, const char *c, bool expected, const char *logic = "AND", const char *changes = "{}") {
        QTest::newRow(name) << QString::fromUtf8(c) << QString::fromLatin1(logic) << QString::fromUtf8(changes) << expected;
    };
    row("no conditions", "[]", true);
    row("equals, any case", R"([{"field": "city", "op": "equals", "value": "austin"}])", true);
    row("equals other", R"([{"field": "city", "op": "equals", "value": "Dallas"}])", false);
    row("not_equals", R"([{"field": "city", "op": "not_equals", "value": "Dallas"}])", true);
    row("in", R"([{"field": "region", "op": "in", "value": ["CA", "tx"]}])", true);
    row("not_in", R"([{"field": "region", "op": "not_in", "value": ["CA", "TX"]}])", false);
    row("contains", R"([{"field": "name", "op": "contains", "value": "PLUMB"}])", true);
    row("not_contains", R"([{"field": "name", "op": "not_contains", "value": "roof"}])", true);
    row("starts_with", R"([{"field": "email", "op": "starts_with", "value": "joe@"}])", true);
    row("ends_with", R"([{"field": "email", "op": "ends_with", "value": ".example"}])", true);
    row("regex", R"([{"field": "email", "op": "regex", "value": "^[a-z]+@joes"}])", true);
    row("regex no match", R"([{"field": "email", "op": "regex", "value": "gmail\\.com$"}])", false);
    row("is_empty of null", R"([{"field": "website", "op": "is_empty"}])", true);
    row("is_not_empty", R"([{"field": "website", "op": "is_not_empty"}])", false);
    row("missing value is not equal", R"([{"field": "website", "op": "not_equals", "value": "x.example"}])", true);
    row("missing value does not contain", R"([{"field": "website", "op": "contains", "value": "x"}])", false);
    row("gt", R"([{"field": "score", "op": "gt", "value": 70}])", true);
    row("gte equal", R"([{"field": "score", "op": "gte", "value": 72}])", true);
    row("lt", R"([{"field": "score", "op": "lt", "value": 72}])", false);
    row("lte", R"([{"field": "score", "op": "lte", "value": 72}])", true);
    row("between", R"([{"field": "score", "op": "between", "value": [50, 80]}])", true);
    row("between outside", R"([{"field": "score", "op": "between", "value": [80, 90]}])", false);
    row("number in", R"([{"field": "score", "op": "in", "value": [71, 72]}])", true);
    row("older than 30 days", R"([{"field": "created_at", "op": "older_than_days", "value": 30}])", true);
    row("newer than 30 days", R"([{"field": "created_at", "op": "newer_than_days", "value": 30}])", false);
    row("before", R"([{"field": "created_at", "op": "before", "value": "2026-02-01"}])", true);
    row("after", R"([{"field": "created_at", "op": "after", "value": "2026-01-10T12:00:01Z"}])", false);
    row("time of an empty field", R"([{"field": "enriched_at", "op": "before", "value": "2030-01-01"}])", false);
    row("tag", R"([{"field": "tags", "op": "contains", "value": "hot"}])", true);
    row("any of tags", R"([{"field": "tags", "op": "contains", "value": ["cold", "Plumbing"]}])", true);
    row("not a tag", R"([{"field": "tags", "op": "not_contains", "value": "vip"}])", true);
    row("AND of two", R"([{"field": "city", "op": "equals", "value": "Austin"}, {"field": "score", "op": "gt", "value": 90}])", false);
    row("OR of two", R"([{"field": "city", "op": "equals", "value": "Austin"}, {"field": "score", "op": "gt", "value": 90}])", true, "OR");
    row("nested any in all", R"({"all": [{"field": "region", "op": "equals", "value": "TX"}, {"any": [{"field": "city", "op": "equals", "value": "Dallas"}, {"field": "tags", "op": "contains", "value": "hot"}]}]})", true);
    row("not", R"({"not": {"field": "city", "op": "equals", "value": "Austin"}})", false);
    row("empty any is false", R"({"any": []})", false);
    row("changed", R"([{"field": "status", "op": "changed"}])", true, "AND", R"({"status": {"from": "new", "to": "qualified"}})");
    row("changed, other field", R"([{"field": "city", "op": "changed"}])", false, "AND", R"({"status": {"from": "new", "to": "qualified"}})");
    row("changed_to", R"([{"field": "status", "op": "changed_to", "value": "Qualified"}])", true, "AND", R"({"status": {"from": "new", "to": "qualified"}})");
    row("changed_from one of", R"([{"field": "status", "op": "changed_from", "value": ["contacted", "new"]}])", true, "AND", R"({"status": {"from": "new", "to": "qualified"}})");
    row("changed_from null", R"([{"field": "website", "op": "changed_from", "value": null}])", true, "AND", R"({"website": {"from": null, "to": "a.example"}})");
    row("no change, no changed_to", R"([{"field": "status", "op": "changed_to", "value": "qualified"}])", false);
}

void tst_Condition::matches()
{
    QFETCH(QString, conditions);
    QFETCH(QString, logic);
    QFETCH(QString, changes);
    QFETCH(bool, expected);
    auto c = Condition::parse(parse(conditions.toUtf8().constData()), logic);
    QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
    const QJsonObject lead = QJsonDocument::fromJson(kLead).object();
    QVERIFY(!lead.isEmpty());
    const QDateTime now(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
    QCOMPARE(c->matches(lead, QJsonDocument::fromJson(changes.toUtf8()).object(), now), expected);
}

void tst_Condition::refusals_data()
{
    QTest::addColumn<QString>("conditions");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message"); // "" when only the path is checked

    auto row = [](const char *name, const char *c, const char *path, const char *message = "") {
        QTest::newRow(name) << QString::fromUtf8(c) << QString::fromLatin1(path) << QString::fromUtf8(message);
    };
    row("unknown field", R"([{"field": "colour", "op": "equals", "value": "red"}])", "conditions[0].field");
    row("no field", R"([{"op": "equals", "value": "red"}])", "conditions[0].field", "conditions[0].field is required: the lead field to test");
    row("op that does not fit", R"([{"field": "city", "op": "gt", "value": 3}])", "conditions[0].op");
    row("no op", R"([{"field": "city", "value": 3}])", "conditions[0].op");
    row("number for text equals", R"([{"field": "score", "op": "equals", "value": "high"}])", "conditions[0].value", "conditions[0].value must be a number for 'equals'");
    row("empty in", R"([{"field": "city", "op": "in", "value": []}])", "conditions[0].value");
    row("between backwards", R"([{"field": "score", "op": "between", "value": [80, 50]}])", "conditions[0].value");
    row("bad regex", R"([{"field": "email", "op": "regex", "value": "(["}])", "conditions[0].value");
    row("bad date", R"([{"field": "created_at", "op": "before", "value": "last tuesday"}])", "conditions[0].value");
    row("negative days", R"([{"field": "created_at", "op": "older_than_days", "value": -1}])", "conditions[0].value");
    row("value on is_empty", R"([{"field": "city", "op": "is_empty", "value": "x"}])", "conditions[0].value");
    row("extra key", R"([{"field": "city", "op": "equals", "value": "x", "weight": 2}])", "conditions[0].weight");
    row("deep path", R"([{"field": "city", "op": "equals", "value": "x"}, {"any": [{"not": {"field": "tags", "op": "gt", "value": 1}}]}])", "conditions[1].any[0].not.op");
    row("not an object", R"([5])", "conditions[0]");
    row("group with extra key", R"({"all": [], "field": "city"})", "conditions");
    row("group not a list", R"({"any": {"field": "city"}})", "conditions.any");
    row("too deep", R"({"not": {"not": {"not": {"not": {"not": {"not": {"not": {"not": {"not": {"not": {"not": {"field": "city", "op": "is_empty"}}}}}}}}}}}})",
        "conditions.not.not.not.not.not.not.not.not.not.not");
}

void tst_Condition::refusals()
{
    QFETCH(QString, conditions);
    QFETCH(QString, path);
    QFETCH(QString, message);
    auto c = Condition::parse(parse(conditions.toUtf8().constData()));
    QVERIFY(!c);
    QVERIFY2(c.error().details.contains(path), qPrintable(QString::fromUtf8(QJsonDocument(c.error().details).toJson(QJsonDocument::Compact))));
    if (!message.isEmpty())
        QCOMPARE(c.error().message, message);
    auto logic = Condition::parse(parse("[]"), QStringLiteral("XOR"));
    QVERIFY(!logic);
    QVERIFY(logic.error().details.contains(QStringLiteral("logic_operator")));
}

QTEST_APPLESS_MAIN(tst_Condition)
