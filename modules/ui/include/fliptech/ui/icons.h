#pragma once
// The application's own icon set (resources/icons/ui/*.svg, line icons drawn in currentColor).
// An icon is drawn in the palette's text colour when painted, so one SVG gives the light and
// the dark variant, and its selected form in the highlight's text colour. Nothing depends on the
// desktop's icon theme (absent on many Linux desktops and on Windows).

#include <QIcon>
#include <QString>

namespace fliptech::ui {

// The icon named `name` (file resources/icons/ui/<name>.svg); a null icon if there is none.
QIcon appIcon(const QString &name);
// The application's own logo (resources/icons/fliptech.svg), for the window and the tray.
QIcon logoIcon();
// Names of every icon in the set (for tests).
QStringList appIconNames();

} // namespace fliptech::ui
