import type { ReactNode } from 'react';

interface Props {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  testId: string;
}

/** One figure of the 「数据」 view: a label, the number, and a line saying what it counts. */
export function StatCard({ label, value, detail, testId }: Props) {
  return (
    <section className="metric-card" data-testid={testId} aria-label={label}>
      <h3>{label}</h3>
      <div className="metric-value">{value}</div>
      {detail ? <div className="metric-detail">{detail}</div> : null}
    </section>
  );
}
