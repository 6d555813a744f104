#pragma once
// The third-party parts this program is built on, with the versions it runs with and their
// licences: what Help → About lists and `fliptech --version --verbose` could print.

#include <QList>
#include <QString>

namespace fliptech::engine {

struct Component {
    QString name;
    QString version; // as the library reports it at run time (or as built, where it cannot)
    QString licence;
    QString url;
};

QList<Component> thirdPartyComponents();

} // namespace fliptech::engine
