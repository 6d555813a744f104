#include "fliptech/ui/placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace fliptech::ui {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &plannedText, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    auto *heading = new QLabel(title, this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    heading->setFont(f);
    heading->setObjectName(QStringLiteral("pageTitle"));
    auto *body = new QLabel(tr("Not built yet. %1").arg(plannedText), this);
    body->setObjectName(QStringLiteral("placeholderText"));
    body->setWordWrap(true);
    body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addStretch(1);
}

} // namespace fliptech::ui
