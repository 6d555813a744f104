#include "fliptech/ui/icons.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace fliptech::ui {

namespace {

QString iconPath(const QString &name)
{
    return QStringLiteral(":/icons/ui/%1.svg").arg(name);
}

// Draws an SVG whose strokes say currentColor in the colour the palette gives the mode:
// text for normal, highlighted text for selected, the disabled text colour for disabled.
class TintedSvgEngine final : public QIconEngine
{
public:
    explicit TintedSvgEngine(QByteArray svg) : m_svg(std::move(svg)) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        Q_UNUSED(state)
        const QByteArray tinted = QByteArray(m_svg).replace("currentColor", colourFor(mode).name().toLatin1());
        QSvgRenderer renderer(tinted);
        renderer.render(painter, rect);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        const QSize device = size * scale;
        const QString key = QStringLiteral("fliptech-icon:%1:%2x%3:%4")
                                .arg(QString::number(qHash(m_svg), 16))
                                .arg(device.width())
                                .arg(device.height())
                                .arg(colourFor(mode).name());
        QPixmap pm;
        if (QPixmapCache::find(key, &pm))
            return pm;
        pm = QPixmap(device);
        pm.fill(Qt::transparent);
        {
            QPainter p(&pm);
            p.setRenderHint(QPainter::Antialiasing);
            paint(&p, QRect(QPoint(0, 0), device), mode, state);
        }
        pm.setDevicePixelRatio(scale);
        QPixmapCache::insert(key, pm);
        return pm;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new TintedSvgEngine(m_svg); }
    QString key() const override { return QStringLiteral("fliptech-tinted-svg"); }

private:
    static QColor colourFor(QIcon::Mode mode)
    {
        const QPalette pal = QApplication::palette();
        switch (mode) {
        case QIcon::Selected:
            return pal.color(QPalette::Active, QPalette::HighlightedText);
        case QIcon::Disabled:
            return pal.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Active:
        case QIcon::Normal:
            break;
        }
        return pal.color(QPalette::Active, QPalette::WindowText);
    }

    QByteArray m_svg;
};

} // namespace

QIcon appIcon(const QString &name)
{
    QFile file(iconPath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QIcon(new TintedSvgEngine(file.readAll()));
}

QIcon logoIcon()
{
    // Drawn here at the sizes window managers and trays ask for (no icon-engine plugin needed).
    QSvgRenderer renderer(QStringLiteral(":/icons/fliptech.svg"));
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        renderer.render(&p);
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

QStringList appIconNames()
{
    QStringList names;
    const QStringList files = QDir(QStringLiteral(":/icons/ui")).entryList({QStringLiteral("*.svg")}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        names.append(f.chopped(4));
    return names;
}

} // namespace fliptech::ui
