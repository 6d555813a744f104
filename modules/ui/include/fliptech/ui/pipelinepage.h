#pragma once
// PipelinePage (the Dashboard's Pipeline tab): the deal pipeline as a board — a column per stage of the pipeline the team set
// (its deals, their value and the value weighted by the stage's probability), a card per lead
// (the largest deals first; won and lost the latest). Drag a card to another column to move the
// deal: into the won column it asks for the amount (a conversion is recorded), into the lost one
// for the reason. Double-click opens the lead on the leads page. Changes made elsewhere show
// within a second. Everything goes through analytics::RevenueService, as the API's board.

#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QHBoxLayout;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::ui {

class StageColumn;

class PipelinePage final : public QWidget
{
    Q_OBJECT
public:
    PipelinePage(engine::Engine &engine, leads::Actor actor, QWidget *parent = nullptr);
    void reload();
    // What a drop does: the lead into `stage` (asking for the amount or the reason first when
    // the stage is won or lost). False, with the reason shown, when it did not move.
    bool moveLead(qint64 leadId, const QString &stage);
    // Asks the user for a text (the amount, the reason); empty: cancelled. Tests answer here.
    void setAsker(std::function<QString(const QString &title, const QString &label)> ask) { m_ask = std::move(ask); }
    // The column of a stage (for tests: its cards, its header).
    StageColumn *column(const QString &stage) const { return m_columns.value(stage); }
    QString message() const;

Q_SIGNALS:
    // Double-click on a card.
    void leadOpened(qint64 leadId);

private:
    engine::Engine &m_engine;
    leads::Actor m_actor;
    QHBoxLayout *m_row;
    QLabel *m_message;
    QHash<QString, StageColumn *> m_columns;
    QHash<QString, QString> m_kinds; // stage -> open | won | lost
    std::function<QString(const QString &, const QString &)> m_ask;
};

// One stage's column: a header and its cards, which drag to another column.
class StageColumn final : public QWidget
{
    Q_OBJECT
public:
    static constexpr char mimeType[] = "application/x-fliptech-lead-id";
    StageColumn(const QString &stage, QWidget *parent = nullptr);
    const QString &stage() const { return m_stage; }
    void setHeader(const QString &text);
    QString header() const;
    void setCards(const QJsonArray &leads, qint64 more);
    int cardCount() const;
    qint64 leadAt(int row) const;
    class CardList;

Q_SIGNALS:
    void dropped(qint64 leadId, const QString &stage);
    void opened(qint64 leadId);

private:
    QString m_stage;
    QLabel *m_header;
    CardList *m_list;
    QLabel *m_more;
};


} // namespace fliptech::ui
