import { useId } from 'react';
import { GLOSSARY, type GlossaryId } from './glossary';

/**
 * A term of art with its plain meaning one hover or one Tab away: a dotted underline, and the
 * definition in a tooltip that shows on hover and on keyboard focus (WAI-ARIA tooltip pattern:
 * the term is focusable and described by the tip; Escape hides it, see styles.css).
 */
export function Term({ id, children }: { id: GlossaryId; children?: string }) {
  const tip = useId();
  const entry = GLOSSARY[id];
  return (
    <span className="term-wrap">
      <span
        className="term"
        tabIndex={0}
        aria-describedby={tip}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
      >
        {children ?? entry.term}
      </span>
      <span role="tooltip" id={tip} className="term-tip">
        {entry.term}: {entry.stands}. {entry.plain}
      </span>
    </span>
  );
}

/** Every term the screens keep, defined in plain words with its source. */
export function Glossary() {
  return (
    <section aria-labelledby="glossary-title" id="glossary" tabIndex={-1}>
      <h3 id="glossary-title">Glossary</h3>
      <dl className="glossary" data-testid="glossary">
        {Object.values(GLOSSARY).map((entry) => (
          <div key={entry.term}>
            <dt>
              <dfn>{entry.term}</dfn> <span className="muted">({entry.stands})</span>
            </dt>
            <dd>
              {entry.plain} <span className="muted">Source: {entry.source}.</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Scrolls to the Glossary section and moves the keyboard focus there. */
export function toGlossary(): void {
  const section = document.getElementById('glossary');
  section?.scrollIntoView({ block: 'start' });
  section?.focus({ preventScroll: true });
}
