import { useCallback, useRef } from 'react';
import { Page } from '../../../ui/Page.tsx';
import { FilterBar } from './FilterBar.tsx';
import { InboxResults } from './InboxResults.tsx';
import { useInboxFilters } from './useInboxFilters.ts';

export function InboxPage() {
  const { filters, update, reset } = useInboxFilters();
  const form = useRef<HTMLFormElement>(null);
  // The buttons that reset go away with the filters, so the search box takes the focus.
  const resetAndFocus = useCallback(() => {
    reset();
    const search = form.current?.elements.namedItem('q');
    if (search instanceof HTMLInputElement) search.focus();
  }, [reset]);

  return (
    <Page
      title="Inbox"
      description="Everything customers said, from every listening post. The address keeps the filters, so a view can be shared."
    >
      <FilterBar ref={form} filters={filters} update={update} reset={resetAndFocus} />
      <InboxResults filters={filters} reset={resetAndFocus} />
    </Page>
  );
}
