import type { DisplayStatus } from './nodes';

/**
 * How each status looks, in one place: the tree, the tooltips and the status bar use the same
 * product icon and theme color, so a phase reads the same wherever it shows up.
 */
export interface StatusStyle {
  /** Product icon id (`$(id)` in labels, `ThemeIcon` in trees). */
  icon: string;
  /** Theme color id for the icon; undefined keeps the default foreground. */
  color?: string;
  /** Lower-case words for descriptions and screen readers. */
  label: string;
}

const STYLES: Record<DisplayStatus, StatusStyle> = {
  planned: { icon: 'circle-large-outline', label: 'planned' },
  'in-progress': { icon: 'play-circle', color: 'charts.blue', label: 'in progress' },
  done: { icon: 'pass-filled', color: 'testing.iconPassed', label: 'done' },
  blocked: { icon: 'circle-slash', color: 'charts.red', label: 'blocked' },
  waiting: { icon: 'clock', color: 'charts.orange', label: 'waiting' },
};

export function statusStyle(status: DisplayStatus): StatusStyle {
  return STYLES[status];
}

/** "In progress", for the start of a line. */
export function statusTitle(status: DisplayStatus): string {
  const { label } = STYLES[status];
  return label.charAt(0).toUpperCase() + label.slice(1);
}
