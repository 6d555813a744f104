#pragma once
// Logging categories of the project, one per module (fliptech.<module>).

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCore)

namespace fliptech::core {
// Installs the message format used by the application ("time level category: message").
void installLogFormat();
} // namespace fliptech::core
