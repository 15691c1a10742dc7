import type { ReactNode } from 'react';

type Props = { id: string; title: string; children: ReactNode; actions?: ReactNode };

/** One anchored section of the case page, labelled by its heading. */
export function CaseSection({ id, title, children, actions }: Props) {
  return (
    <section id={id} className="card cases-section" aria-labelledby={`${id}-heading`}>
      <div className="cases-section-head">
        <h2 id={`${id}-heading`}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A query's loading and error states inside a section. */
export function QueryState({
  isPending,
  error,
  loadingText,
  errorNode,
}: {
  isPending: boolean;
  error: unknown;
  loadingText: string;
  errorNode: ReactNode;
}) {
  if (isPending) return <p className="muted">{loadingText}</p>;
  if (error) return <>{errorNode}</>;
  return null;
}
