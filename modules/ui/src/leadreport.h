#pragma once
// Pieces of a lead's page that other pages show too (the inbox beside a conversation).

#include <QJsonObject>
#include <QString>

namespace fliptech::ui {

// The website analysis as HTML: the prospect score and its reasons first, then what was measured.
QString analysisReport(const QJsonObject &analysis, const QString &website);

} // namespace fliptech::ui
