import { t, tk } from '../i18n';

const ragClass: Record<string, string> = {
  op_koers: 'jt-rag--green',
  risico: 'jt-rag--amber',
  achter: 'jt-rag--red',
  geen: 'jt-rag--none',
};

/** A RAG status: colour, symbol and word, so it never depends on colour alone. */
export function RagBadge({ rag, count }: { rag: string | null | undefined; count?: number }) {
  const key = rag ?? 'geen';
  const symbol = key === 'op_koers' ? '●' : key === 'risico' ? '▲' : key === 'achter' ? '■' : '○';
  return (
    <span className={`jt-rag ${ragClass[key] ?? 'jt-rag--none'}`} title={t('rag.label')}>
      <span aria-hidden="true">{symbol}</span> {tk('rag', key)}
      {count !== undefined && <span className="jt-rag__count">: {count}</span>}
    </span>
  );
}

export function StatusBadge({ children, tone = 'neutral' }: { children: string; tone?: 'neutral' | 'warning' | 'danger' | 'safe' | 'active' }) {
  return <span className={`utrecht-status-badge utrecht-status-badge--${tone} jt-badge`}>{children}</span>;
}
