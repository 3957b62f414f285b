import { useEditorStore } from '../store/editor-store.js';
import { publish } from './doc-actions.js';
import { PublishDialog } from './PublishDialog.js';

/** Opens when a publish was refused for failing scenarios, whatever was published (flow, group, policy). */
export function PublishGateDialog() {
  const gate = useEditorStore((s) => s.publishGate);
  const setPublishGate = useEditorStore((s) => s.setPublishGate);
  if (!gate) return null;
  return (
    <PublishDialog
      key={`${gate.kind}/${gate.id}`}
      name={gate.name}
      failures={gate.failures}
      onClose={() => setPublishGate(null)}
      onPublish={(note, override) => void publish(gate.kind, gate.id, note, override)}
    />
  );
}
