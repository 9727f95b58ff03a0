import { updateLink } from '../../domain/commands/conduct';
import type { Link } from '../../domain/types';
import { appContext } from '../../state/actionContext';
import { EditorForm, type FormButtons } from '../../ui/EditorForm';
import { SidePanelEditor } from '../side-panel/SidePanelEditor';
import { deleteSelection } from './actions';
import { useFollowedField } from '../../ui/useFollowedField';

type LinkFieldValues = { label: string | undefined };

function LinkFields({ link, ...buttons }: FormButtons<LinkFieldValues> & { link: Link }) {
  const [label, setLabel] = useFollowedField(link.label ?? '');
  return (
    <EditorForm {...buttons} onSubmit={() => buttons.onSubmit({ label: label.trim() || undefined })}>
      <label htmlFor="link-label">Libellé du lien</label>
      <input id="link-label" value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
    </EditorForm>
  );
}

/** The selected link, in the side panel: its label; deleting it is the map's Supprimer (the link is the selection). */
export function LinkEditor({ link, from, to }: { link: Link; from: number | undefined; to: number | undefined }) {
  return (
    <SidePanelEditor<LinkFieldValues>
      name="link"
      title={<>Lien de l'étape {from} à l'étape {to}</>}
      form={(buttons) => <LinkFields link={link} {...buttons} />}
      save={(fields) => (s) => updateLink(s, link.id, fields)}
      saved="Libellé du lien enregistré."
      deleteLabel="Supprimer le lien"
      remove={{ perform: () => void deleteSelection.perform(appContext) }}
    />
  );
}
