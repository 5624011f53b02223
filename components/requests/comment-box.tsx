"use client";

import { Textarea } from "@/components/ui/textarea";

const BOXES = {
  decision: { label: "Comment", placeholder: "Comment (required to reject)", rows: 3, testId: "decision-comment" },
  revoke: {
    label: "Why revoke",
    placeholder: "Why the access is revoked (required)",
    rows: 2,
    testId: "revoke-comment",
  },
} as const;

/** The comment an approver gives with a decision, or the reason for a revocation. */
export function CommentBox({
  of,
  value,
  onValue,
}: {
  of: keyof typeof BOXES;
  value: string;
  onValue: (v: string) => void;
}) {
  const box = BOXES[of];
  return (
    <Textarea
      aria-label={box.label}
      placeholder={box.placeholder}
      rows={box.rows}
      value={value}
      onChange={(e) => onValue(e.target.value)}
      data-testid={box.testId}
    />
  );
}
