#include "fliptech/ui/shellparts.h"

#include "fliptech/automation/notificationservice.h"
#include "fliptech/engine/components.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/ui/icons.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fliptech::ui {

// ---- the bell --------------------------------------------------------------------------------

NotificationBell::NotificationBell(engine::Engine &engine, qint64 userId, QWidget *parent)
    : QToolButton(parent), m_engine(engine), m_userId(userId)
{
    setObjectName(QStringLiteral("notificationBell"));
    setIcon(appIcon(QStringLiteral("bell")));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setAutoRaise(true);
    connect(this, &QToolButton::clicked, this, [this] { openList(); });
    connect(&m_engine.events(), &storage::EventStore::eventAppended, this, &NotificationBell::onEvent);
    refresh();
}

void NotificationBell::refresh()
{
    auto n = m_engine.notifications().unreadCount(m_userId);
    m_unread = n ? int(qMin<qint64>(*n, 9999)) : 0;
    setText(m_unread > 0 ? QString::number(m_unread) : QString());
    setToolTip(m_unread > 0 ? tr("%n unread notification(s)", nullptr, m_unread) : tr("Notifications: nothing unread"));
    setAccessibleName(toolTip());
}

void NotificationBell::onEvent(const storage::Event &event)
{
    if (event.channel != QLatin1String("notifications"))
        return;
    if (event.userId && *event.userId != m_userId)
        return;
    if (event.type == QLatin1String("notification")) {
        refresh();
        Q_EMIT noticeArrived(event.payload.value(QStringLiteral("title")).toString(), event.payload.value(QStringLiteral("message")).toString(),
                             event.payload.value(QStringLiteral("severity")).toString());
    } else if (event.type == QLatin1String("notification_read")) {
        refresh();
    }
}

NotificationList *NotificationBell::openList()
{
    auto *list = new NotificationList(m_engine, m_userId, this);
    list->setAttribute(Qt::WA_DeleteOnClose);
    connect(list, &NotificationList::changed, this, &NotificationBell::refresh);
    connect(list, &NotificationList::openRequested, this, &NotificationBell::openRequested);
    list->adjustSize();
    // Above the bell (it sits in the status bar), kept on the screen.
    QPoint at = mapToGlobal(QPoint(width() - list->width(), -list->height()));
    if (const QScreen *screen = this->screen()) {
        const QRect area = screen->availableGeometry();
        at.setX(qBound(area.left(), at.x(), area.right() - list->width()));
        at.setY(qBound(area.top(), at.y(), area.bottom() - list->height()));
    }
    list->move(at);
    list->show();
    return list;
}

// ---- the list --------------------------------------------------------------------------------

NotificationList::NotificationList(engine::Engine &engine, qint64 userId, QWidget *parent)
    : QFrame(parent, Qt::Popup), m_engine(engine), m_userId(userId)
{
    setObjectName(QStringLiteral("notificationList"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumSize(420, 380); // adjustSize() before showing must not shrink it to its button row
    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Notifications</b>"), this);
    auto *readAll = new QPushButton(tr("Mark all read"), this);
    readAll->setObjectName(QStringLiteral("markAllRead"));
    head->addWidget(title, 1);
    head->addWidget(readAll);
    layout->addLayout(head);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("notifications"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    layout->addWidget(m_list, 1);
    m_empty = new QLabel(tr("Nothing yet. Replies, finished scrapes, campaign milestones and failures show here."), this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_empty, 1);
    connect(readAll, &QPushButton::clicked, this, &NotificationList::markAllRead);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const qint64 id = item->data(Qt::UserRole).toLongLong();
        if (!item->data(Qt::UserRole + 2).toBool())
            (void)m_engine.notifications().markRead(m_userId, id);
        Q_EMIT changed();
        const QString url = item->data(Qt::UserRole + 1).toString();
        close();
        if (!url.isEmpty())
            Q_EMIT openRequested(url);
    });
    connect(m_list, &QListWidget::itemClicked, m_list, &QListWidget::itemActivated);
    reload();
}

void NotificationList::reload()
{
    m_list->clear();
    automation::NotificationQuery q;
    q.limit = 50;
    auto page = m_engine.notifications().list(m_userId, q);
    const QJsonArray items = page ? page->value(QStringLiteral("items")).toArray() : QJsonArray();
    for (const QJsonValue &v : items) {
        const QJsonObject n = v.toObject();
        const QDateTime when = storage::Database::toDateTime(n.value(QStringLiteral("created_at")).toString()).toLocalTime();
        const QString message = n.value(QStringLiteral("message")).toString();
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2%3")
                                             .arg(n.value(QStringLiteral("title")).toString(), message.isEmpty() ? QString() : message + QStringLiteral(" · "),
                                                  QLocale().toString(when, QLocale::ShortFormat)),
                                         m_list);
        const bool read = n.value(QStringLiteral("is_read")).toBool();
        QFont f = item->font();
        f.setBold(!read);
        item->setFont(f);
        item->setData(Qt::UserRole, n.value(QStringLiteral("id")).toInteger());
        item->setData(Qt::UserRole + 1, n.value(QStringLiteral("action_url")).toString());
        item->setData(Qt::UserRole + 2, read);
        const QString severity = n.value(QStringLiteral("severity")).toString();
        item->setToolTip(severity == QLatin1String("error") ? tr("Error") : severity == QLatin1String("warning") ? tr("Warning") : QString());
    }
    m_list->setVisible(m_list->count() > 0);
    m_empty->setVisible(m_list->count() == 0);
    if (!page) {
        m_empty->setText(tr("Could not read the notifications: %1").arg(page.error().message));
        m_empty->show();
    }
}

void NotificationList::markAllRead()
{
    (void)m_engine.notifications().markAllRead(m_userId);
    reload();
    Q_EMIT changed();
}

// ---- keyboard shortcuts -----------------------------------------------------------------------

namespace {
struct KnownShortcut {
    const char *area;
    const char *action;
    QKeySequence keys;
};

// Shortcuts that live on the pages (QShortcut objects of widgets built on first visit).
QList<KnownShortcut> pageShortcuts()
{
    return {
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Everywhere"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Open the notifications"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Leads"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Reload the list"), QKeySequence(QKeySequence::Refresh)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Leads"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Search the list"), QKeySequence(QKeySequence::Find)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Leads"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Save the lead's details"), QKeySequence(QKeySequence::Save)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Scraper"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Run the scrape now"), QKeySequence(Qt::CTRL | Qt::Key_Return)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Campaigns"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "New campaign"), QKeySequence(QKeySequence::New)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Templates"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Save the template"), QKeySequence(QKeySequence::Save)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Conversations"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Check mail now"), QKeySequence(Qt::Key_F5)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Conversations"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Suggest a reply"), QKeySequence(Qt::CTRL | Qt::Key_G)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Conversations"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Send the reply"), QKeySequence(Qt::CTRL | Qt::Key_Return)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Conversations"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Archive the conversation"), QKeySequence(Qt::CTRL | Qt::Key_E)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Automation"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "New schedule, rule or webhook"), QKeySequence(QKeySequence::New)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Automation"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Save"), QKeySequence(QKeySequence::Save)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Automation"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Run the schedule now"), QKeySequence(Qt::CTRL | Qt::Key_R)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Automation"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Approve the selected request"), QKeySequence(Qt::CTRL | Qt::Key_Return)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Dashboard"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Refresh the figures"), QKeySequence(Qt::Key_F5)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Analytics"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Refresh the figures"), QKeySequence(Qt::Key_F5)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Analytics"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Copy the selected rows"), QKeySequence(QKeySequence::Copy)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Analytics"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Open the row's leads"), QKeySequence(Qt::Key_Return)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Custom URL"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Save the recipe"), QKeySequence(QKeySequence::Save)},
        {QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "AI writer"), QT_TRANSLATE_NOOP("fliptech::ui::ShortcutsDialog", "Write the email"), QKeySequence(Qt::CTRL | Qt::Key_Return)},
    };
}
} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget *window) : QDialog(window)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    resize(560, 560);
    auto *layout = new QVBoxLayout(this);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Action"), tr("Keys")});
    m_tree->setRootIsDecorated(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(m_tree);
    QHash<QString, QTreeWidgetItem *> groups;
    auto add = [&](const QString &area, const QString &action, const QKeySequence &keys) {
        QTreeWidgetItem *group = groups.value(area);
        if (!group) {
            group = new QTreeWidgetItem(m_tree, {area});
            QFont f = group->font(0);
            f.setBold(true);
            group->setFont(0, f);
            group->setFirstColumnSpanned(true);
            groups.insert(area, group);
        }
        auto *item = new QTreeWidgetItem(group, {action, keys.toString(QKeySequence::NativeText)});
        item->setData(1, Qt::UserRole, keys.toString(QKeySequence::PortableText));
    };
    // The menus' actions, as they are (their text without the & of the mnemonic).
    if (auto *main = qobject_cast<QMainWindow *>(window)) {
        for (QAction *menu : main->menuBar()->actions()) {
            if (!menu->menu())
                continue;
            const QString area = menu->text().remove(u'&');
            for (QAction *a : menu->menu()->actions())
                if (!a->shortcut().isEmpty())
                    add(area, a->text().remove(u'&').remove(QStringLiteral("…")), a->shortcut());
        }
    }
    for (const KnownShortcut &s : pageShortcuts())
        add(tr(s.area), tr(s.action), s.keys);
    m_tree->expandAll();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QStringList ShortcutsDialog::listedKeys() const
{
    QStringList out;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g)
        for (int i = 0; i < m_tree->topLevelItem(g)->childCount(); ++i)
            out.append(m_tree->topLevelItem(g)->child(i)->data(1, Qt::UserRole).toString());
    return out;
}

// ---- about -----------------------------------------------------------------------------------

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About FlipTech Pro"));
    resize(560, 520);
    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    auto *logo = new QLabel(this);
    logo->setPixmap(logoIcon().pixmap(64, 64));
    auto *title = new QLabel(tr("<h2>FlipTech Pro %1</h2><p>Find local businesses that need a website, reach out, follow up and count the revenue.</p>"
                                "<p>Running on Qt %2 (built with %3).</p>")
                                 .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)),
                             this);
    title->setWordWrap(true);
    head->addWidget(logo, 0, Qt::AlignTop);
    head->addWidget(title, 1);
    layout->addLayout(head);
    auto *parts = new QTextBrowser(this);
    parts->setObjectName(QStringLiteral("components"));
    parts->setOpenExternalLinks(true);
    QString html = tr("<p><b>Built with</b></p>") + QStringLiteral("<table cellpadding='3'>");
    for (const engine::Component &c : engine::thirdPartyComponents())
        html += QStringLiteral("<tr><td><a href='%4'>%1</a></td><td>%2</td><td>%3</td></tr>")
                    .arg(c.name.toHtmlEscaped(), c.version.toHtmlEscaped(), c.licence.toHtmlEscaped(), c.url.toHtmlEscaped());
    html += QStringLiteral("</table>");
    html += tr("<p>Qt is used under the GNU LGPL version 3: it is linked dynamically and may be replaced by another build of the same version.</p>");
    parts->setHtml(html);
    layout->addWidget(parts, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *aboutQt = buttons->addButton(tr("About Qt"), QDialogButtonBox::ActionRole);
    connect(aboutQt, &QPushButton::clicked, qApp, &QApplication::aboutQt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace fliptech::ui
