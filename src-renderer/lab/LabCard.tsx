import type { Item } from '@main/domain/types';
import { TOPIC_TABLE } from '@main/domain/taxonomy-data';
import { cardLook } from '../cards/card-look';

/** A generated card standing in for a video: its topic's colour and what the catalogue says. */
export function LabCard({ item, position }: { item: Item; position: number }) {
  const look = cardLook(TOPIC_TABLE, item);
  return (
    <article
      className="lab-card"
      style={{ background: look.colour }}
      data-testid="lab-card"
      data-item-id={item.id}
      aria-label={`Video ${position}: ${look.caption}`}
    >
      <span className="lab-card-topic">{look.topic}</span>
      <span className="lab-card-duration">{look.duration}</span>
      <div className="lab-card-text">
        <p className="lab-card-creator">{look.creator}</p>
        <p className="lab-card-caption">{look.caption}</p>
        <p className="lab-card-sound">♪ {look.sound}</p>
      </div>
      <span className="lab-card-synthetic">synthetic demo video</span>
    </article>
  );
}
