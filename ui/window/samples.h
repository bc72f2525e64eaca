#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

// The seed's examples, with the cursor at the hole: the Samples menu.
struct Sample
{
    QString title;
    QString fileName; // picks the highlighting
    QString text;
    int cursor = 0;
};

QList<Sample> builtInSamples();
// The first sample's file name (what a first start shows), without reading any sample.
QString firstSampleFileName();
