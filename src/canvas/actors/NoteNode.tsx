import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { memo } from 'react';
import type { Note } from '../../domain/types';
import { AUTHOR_ROLE_LABELS, NOTE_KIND_LABELS } from '../../i18n/labels';
import { AUTHOR_ROLE_VISUALS, NOTE_KIND_ICONS } from '../../i18n/visuals';
import { useZoomLevel } from '../zoom';

export interface NoteNodeData extends Record<string, unknown> {
  note: Note;
  targetName: string | null;
}
export type NoteNodeType = Node<NoteNodeData, 'note'>;

/** A sticky note: its author role (colour and label), its kind, its text, what it hangs on. */
export const NoteNode = memo(function NoteNode({ data, selected }: NodeProps<NoteNodeType>) {
  const { note, targetName } = data;
  const role = AUTHOR_ROLE_VISUALS[note.authorRole];
  // At mid zoom its text alone, in large type; its colour still says who wrote it.
  const mid = useZoomLevel() !== 'near';
  return (
    <div
      className={`note-node${mid ? ' is-mid' : ''}${selected ? ' is-selected' : ''}`}
      style={{ background: role.color, borderColor: role.border }}
    >
      <div className="note-head" style={{ color: role.border }}>
        <span className="note-role">{AUTHOR_ROLE_LABELS[note.authorRole]}</span>
        <span className="note-kind">
          <span aria-hidden="true">{NOTE_KIND_ICONS[note.kind]} </span>
          {NOTE_KIND_LABELS[note.kind]}
        </span>
      </div>
      <div className="note-text">{note.text}</div>
      {targetName && <div className="note-target">↳ {targetName}</div>}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="hidden-handle" />
    </div>
  );
});
