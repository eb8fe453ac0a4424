import { type EuAiActTier, TIER_LABELS } from './ai-systems.js';
import './ai-systems.css';

/**
 * The EU AI Act tier as a badge: the tier's name in words, a shape that differs per tier and a
 * tint, so the tier reads without colour and in black-and-white print.
 */
export function TierBadge({ tier }: { tier: EuAiActTier }) {
  return (
    <span className={`assay-tier assay-tier--${tier.toLowerCase().replaceAll('_', '-')}`} data-tier={tier}>
      <span className="assay-tier__shape" aria-hidden="true">{TIER_SHAPES[tier]}</span>
      {TIER_LABELS[tier]}
    </span>
  );
}

const TIER_SHAPES: Record<EuAiActTier, string> = {
  PROHIBITED: '⛔',
  HIGH_RISK: '▲',
  GPAI_SYSTEMIC: '◆',
  GPAI: '◇',
  LIMITED: '●',
  MINIMAL: '○',
  UNCLASSIFIED: '?',
};
