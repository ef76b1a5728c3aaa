import { createContext, use } from 'react';
import type { ReactNode } from 'react';

/** Confirms a change made in a dialog, in the page's live region. */
export const NoticeContext = createContext<(notice: ReactNode) => void>(() => {});

export function useNotice(): (notice: ReactNode) => void {
  return use(NoticeContext);
}
