import type { MouseEvent, ReactNode } from 'react';
import { type Address, pathOf } from './screens.ts';

type ScreenLinkProps = {
  to: Address;
  /** Switches the app to the screen; the app, not the link, owns the view and the address. */
  onShow: () => void;
  children: ReactNode;
};

function opensElsewhere(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}

/**
 * A real link, so it can still be opened in a new tab or copied; a plain click changes the screen
 * in place instead of reloading the app.
 */
export function ScreenLink({ to, onShow, children }: ScreenLinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (opensElsewhere(event)) return;
    event.preventDefault();
    onShow();
  };
  return (
    <a className="screen-link" href={pathOf(to)} onClick={onClick}>
      {children}
    </a>
  );
}
