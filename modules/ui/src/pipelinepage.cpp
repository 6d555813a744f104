#include "fliptech/ui/pipelinepage.h"

#include "money.h"

#include "fliptech/analytics/revenueservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/eventstore.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTimer>
#include <QTimeZone>
#include <QVBoxLayout>

namespace fliptech::ui {

namespace {
constexpr int kLeadRole = Qt::UserRole + 1;
} // namespace

// The cards: they carry their lead's id when dragged, and take a card from another column.
class StageColumn::CardList final : public QListWidget
{
public:
    explicit CardList(std::function<void(qint64)> onDrop, QWidget *parent) : QListWidget(parent), m_onDrop(std::move(onDrop))
    {
        setDragEnabled(true);
        setAcceptDrops(true);
        setDropIndicatorShown(true);
        setDragDropMode(QAbstractItemView::DragDrop);
        setDefaultDropAction(Qt::MoveAction);
        setSelectionMode(QAbstractItemView::SingleSelection);
        setWordWrap(true);
        setSpacing(3);
    }

protected:
    QStringList mimeTypes() const override { return {QString::fromLatin1(StageColumn::mimeType)}; }
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override
    {
        if (items.isEmpty())
            return nullptr;
        auto *data = new QMimeData;
        data->setData(QString::fromLatin1(StageColumn::mimeType), QByteArray::number(items.first()->data(kLeadRole).toLongLong()));
        return data;
    }
    void dragEnterEvent(QDragEnterEvent *e) override
    {
        if (e->mimeData()->hasFormat(QString::fromLatin1(StageColumn::mimeType)))
            e->acceptProposedAction();
        else
            e->ignore();
    }
    void dragMoveEvent(QDragMoveEvent *e) override
    {
        if (e->mimeData()->hasFormat(QString::fromLatin1(StageColumn::mimeType)))
            e->acceptProposedAction();
        else
            e->ignore();
    }
    void dropEvent(QDropEvent *e) override
    {
        bool ok = false;
        const qint64 id = e->mimeData()->data(QString::fromLatin1(StageColumn::mimeType)).toLongLong(&ok);
        if (!ok) {
            e->ignore();
            return;
        }
        // The board reloads from the database: the card is not moved by hand here.
        e->setDropAction(Qt::CopyAction);
        e->accept();
        QTimer::singleShot(0, this, [this, id] { m_onDrop(id); });
    }

private:
    std::function<void(qint64)> m_onDrop;
};

StageColumn::StageColumn(const QString &stage, QWidget *parent) : QWidget(parent), m_stage(stage)
{
    setObjectName(QStringLiteral("stage_") + stage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("header"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_list = new CardList([this](qint64 id) { Q_EMIT dropped(id, m_stage); }, this);
    m_list->setObjectName(QStringLiteral("cards"));
    m_more = new QLabel(this);
    m_more->setStyleSheet(QStringLiteral("color: palette(mid)"));
    layout->addWidget(m_header);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_more);
    setMinimumWidth(200);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) { Q_EMIT opened(item->data(kLeadRole).toLongLong()); });
}

void StageColumn::setHeader(const QString &text) { m_header->setText(text); }
QString StageColumn::header() const { return m_header->text(); }
int StageColumn::cardCount() const { return m_list->count(); }
qint64 StageColumn::leadAt(int row) const { return m_list->item(row) ? m_list->item(row)->data(kLeadRole).toLongLong() : 0; }

void StageColumn::setCards(const QJsonArray &leads, qint64 more)
{
    m_list->clear();
    for (const QJsonValue &v : leads) {
        const QJsonObject o = v.toObject();
        QStringList lines{o.value(QStringLiteral("name")).toString()};
        if (!o.value(QStringLiteral("company")).toString().isEmpty() && o.value(QStringLiteral("company")).toString() != lines.first())
            lines << o.value(QStringLiteral("company")).toString();
        QStringList facts;
        if (!o.value(QStringLiteral("revenue_cents")).isNull())
            facts << money(o.value(QStringLiteral("revenue_cents")).toInteger());
        else if (!o.value(QStringLiteral("deal_value_cents")).isNull())
            facts << money(o.value(QStringLiteral("deal_value_cents")).toInteger());
        if (!o.value(QStringLiteral("expected_close_date")).isNull())
            facts << tr("closes %1").arg(QLocale().toString(QDate::fromString(o.value(QStringLiteral("expected_close_date")).toString(), Qt::ISODate), QLocale::ShortFormat));
        if (!facts.isEmpty())
            lines << facts.join(QStringLiteral(" · "));
        auto *item = new QListWidgetItem(lines.join(u'\n'), m_list);
        item->setData(kLeadRole, o.value(QStringLiteral("id")).toInteger());
        item->setToolTip(tr("Drag to another stage; double-click to open the lead"));
    }
    m_more->setText(more > 0 ? tr("and %1 more").arg(QLocale().toString(more)) : QString());
    m_more->setVisible(more > 0);
}

PipelinePage::PipelinePage(engine::Engine &engine, leads::Actor actor, QWidget *parent) : QWidget(parent), m_engine(engine), m_actor(std::move(actor))
{
    setObjectName(QStringLiteral("pipelinePage"));
    m_ask = [this](const QString &title, const QString &label) { return QInputDialog::getText(this, title, label).trimmed(); };
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *intro = new QLabel(tr("Drag a deal to another stage. Won asks for the amount, lost for the reason."), this);
    intro->setWordWrap(true);
    top->addWidget(intro, 1);
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setToolTip(tr("F5"));
    top->addWidget(refresh);
    layout->addLayout(top);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *board = new QWidget(scroll);
    m_row = new QHBoxLayout(board);
    scroll->setWidget(board);
    layout->addWidget(scroll, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pipelineMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    connect(refresh, &QPushButton::clicked, this, &PipelinePage::reload);
    connect(new QShortcut(QKeySequence::Refresh, this), &QShortcut::activated, this, &PipelinePage::reload);
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(1000);
    connect(debounce, &QTimer::timeout, this, &PipelinePage::reload);
    connect(&engine.events(), &storage::EventStore::eventAppended, this, [debounce](const storage::Event &e) {
        if (e.channel == QLatin1String("leads"))
            debounce->start();
    });
    reload();
}

QString PipelinePage::message() const { return m_message->text(); }

void PipelinePage::reload()
{
    analytics::Query q; // the board is now: no period, no filter
    auto b = m_engine.revenue().board(q, 100);
    if (!b) {
        m_message->setText(b.error().userMessage());
        return;
    }
    QStringList seen;
    int position = 0;
    for (const QJsonValue &v : b->value(QStringLiteral("stages")).toArray()) {
        const QJsonObject s = v.toObject();
        const QString key = s.value(QStringLiteral("key")).toString();
        seen << key;
        m_kinds.insert(key, s.value(QStringLiteral("kind")).toString());
        StageColumn *c = m_columns.value(key);
        if (!c) {
            c = new StageColumn(key, this);
            m_columns.insert(key, c);
            connect(c, &StageColumn::dropped, this, &PipelinePage::moveLead);
            connect(c, &StageColumn::opened, this, &PipelinePage::leadOpened);
        }
        m_row->insertWidget(position++, c, 1);
        const qint64 count = s.value(QStringLiteral("count")).toInteger();
        const QString kind = s.value(QStringLiteral("kind")).toString();
        QString detail = count == 1 ? tr("1 deal") : tr("%1 deals").arg(QLocale().toString(count));
        if (kind == QLatin1String("open"))
            detail += tr(" · %1 (weighted %2 at %3 %)")
                          .arg(money(s.value(QStringLiteral("value_cents")).toInteger()), money(s.value(QStringLiteral("weighted_cents")).toInteger()))
                          .arg(s.value(QStringLiteral("probability")).toInteger());
        c->setHeader(QStringLiteral("<b>%1</b><br><span style=\"font-size: small\">%2</span>").arg(s.value(QStringLiteral("name")).toString().toHtmlEscaped(), detail));
        c->setCards(s.value(QStringLiteral("leads")).toArray(), s.value(QStringLiteral("more")).toInteger());
    }
    // Stages the team removed go.
    for (auto it = m_columns.begin(); it != m_columns.end();) {
        if (!seen.contains(it.key())) {
            delete it.value();
            it = m_columns.erase(it);
        } else {
            ++it;
        }
    }
}

bool PipelinePage::moveLead(qint64 leadId, const QString &stage)
{
    QJsonObject details;
    const QString kind = m_kinds.value(stage);
    if (kind == QLatin1String("won")) {
        const QString amount = m_ask(tr("Deal won"), tr("The amount won (e.g. 2500 or 2500.50):"));
        if (amount.isEmpty()) {
            m_message->setText(tr("Not moved: no amount was given."));
            return false;
        }
        details.insert(QStringLiteral("amount"), amount);
    } else if (kind == QLatin1String("lost")) {
        const QString reason = m_ask(tr("Deal lost"), tr("Why was it lost?"));
        if (reason.isEmpty()) {
            m_message->setText(tr("Not moved: no reason was given."));
            return false;
        }
        details.insert(QStringLiteral("reason"), reason);
    }
    auto moved = m_engine.revenue().moveDeal(m_actor, leadId, stage, details);
    reload();
    if (!moved) {
        m_message->setText(tr("Not moved: %1").arg(moved.error().userMessage()));
        return false;
    }
    m_message->setText(tr("%1 moved to %2.").arg(moved->value(QStringLiteral("name")).toString(), stage));
    return true;
}

} // namespace fliptech::ui
