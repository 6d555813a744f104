#pragma once
// The test class lives apart from its data: moc skips a file whose raw string literals it cannot read.

#include <QObject>

class tst_Condition : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matches_data();
    void matches();
    void refusals_data();
    void refusals();
};
