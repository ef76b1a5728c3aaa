import { Link } from 'react-router-dom';
import type { ItemTheme, MentionSpan } from './analysis.ts';
import { mentionNoun } from './analysisMarks.ts';

/**
 * Who and what an item names, each a link to the inbox filtered to that name. The mood of the
 * mention is written (visually hidden) as well as drawn, so colour is never the only signal.
 */
export function MentionChips({
  workspaceId,
  mentions,
}: {
  workspaceId: string;
  mentions: readonly MentionSpan[];
}) {
  if (mentions.length === 0) return null;
  return (
    <ul className="chips" aria-label="Mentions">
      {mentions.map((mention) => (
        <li key={`${mention.kind}:${mention.entityId}`}>
          <Link
            className={`chip chip-mention chip-${mention.sentiment.label}`}
            to={`/w/${workspaceId}/inbox?mention=${encodeURIComponent(mention.entityId)}`}
            title={`${mentionNoun(mention.kind)}: ${mention.name ?? mention.text} (${mention.sentiment.label}). Show all feedback that mentions it.`}
          >
            <span className="chip-kind">{mentionNoun(mention.kind)}</span>{' '}
            {mention.name ?? mention.text}
            <span className="visually-hidden">, {mention.sentiment.label}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The themes an item belongs to, each a link to the theme's page. */
export function ThemeChips({
  workspaceId,
  themes,
}: {
  workspaceId: string;
  themes: readonly ItemTheme[];
}) {
  if (themes.length === 0) return null;
  return (
    <ul className="chips" aria-label="Themes">
      {themes.map((theme) => (
        <li key={theme.themeId}>
          <Link
            className="chip chip-theme"
            to={`/w/${workspaceId}/themes/${encodeURIComponent(theme.themeId)}`}
            title={theme.source === 'staff' ? 'Theme set by staff' : 'Theme found by analysis'}
          >
            <span className="chip-kind">Theme</span> {theme.name}
            {theme.source === 'staff' && <span className="visually-hidden"> (set by staff)</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
