#pragma once
// Small parts the desktop's forms share (private to the ui module).

#include <QLabel>
#include <QString>

namespace fliptech::ui {

// An error line under a form: red, wrapped, hidden until it says something.
inline QLabel *errorLabel(QWidget *parent, const QString &objectName = QStringLiteral("error"))
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: #c0392b;"));
    l->hide();
    return l;
}

// Says `message` on the error line (an empty message hides it).
inline void setError(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

} // namespace fliptech::ui
