import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';

/** Render with a fresh query cache (no retries) and a router, as the app does; and a user. */
export function renderApp(ui: ReactElement) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  // No pause between keystrokes and no CSS pointer-events walk (slow in jsdom): the tests stay fast.
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
  const view = render(
    <QueryClientProvider client={client}>
      <MemoryRouter>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
  /** Type into a field as a paste (one input event): what a user sees, without a render per key. */
  const fill = async (field: HTMLElement, text: string) => {
    await user.click(field);
    await user.paste(text);
  };
  return { ...view, user, fill, client };
}

/**
 * The app's own date and time fields (DateField, TimeField…): each part chosen in turn, as a user
 * does ("1944-05-02" → 年, 月, 日; "14:30" → 時, 分). Found by its visible label, inside `scope`.
 */
export async function choose(user: ReturnType<typeof userEvent.setup>, scope: HTMLElement, label: string, value: string) {
  const group = partsOf(scope, label);
  const parts = value.split(/[-:T]/);
  const selects = Array.from(group.querySelectorAll('select'));
  for (const [i, part] of parts.entries()) await user.selectOptions(selects[i]!, part);
}

/** The group of selects of the date or time field labelled `label` inside `scope`. */
export function partsOf(scope: HTMLElement, label: string): HTMLElement {
  // The label points at the first select (its `for`); the parts are that select's group.
  const [first] = within(scope).getAllByLabelText(label, { selector: 'select' });
  const group = first?.closest<HTMLElement>('[role="group"]');
  if (!group) throw new Error(`no date field labelled ${label}`);
  return group;
}
