#include "fliptech/ui/pageregistry.h"

#include <algorithm>

namespace fliptech::ui {

void PageRegistry::add(PageInfo page)
{
    for (PageInfo &p : m_pages) {
        if (p.id == page.id) {
            p = std::move(page);
            return;
        }
    }
    m_pages.append(std::move(page));
}

QList<PageInfo> PageRegistry::pages() const
{
    QList<PageInfo> sorted = m_pages;
    std::stable_sort(sorted.begin(), sorted.end(), [](const PageInfo &a, const PageInfo &b) { return a.order < b.order; });
    return sorted;
}

const PageInfo *PageRegistry::find(const QString &id) const
{
    for (const PageInfo &p : m_pages)
        if (p.id == id)
            return &p;
    return nullptr;
}

} // namespace fliptech::ui
