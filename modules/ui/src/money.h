#pragma once
// How the desktop shows an amount of integer cents: the locale's currency format, in dollars.

#include <QLocale>
#include <QString>

namespace fliptech::ui {

inline QString money(qint64 cents) { return QLocale().toCurrencyString(double(cents) / 100.0, QStringLiteral("$")); }

} // namespace fliptech::ui
