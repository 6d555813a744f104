#pragma once
// Checks of user input shared by every module that receives it (API schemas, services).

#include <QString>

namespace fliptech::core {

// "local@domain.tld": one @, no spaces, a dot in the domain, at most 254 characters.
bool isEmailAddress(const QString &text);

} // namespace fliptech::core
