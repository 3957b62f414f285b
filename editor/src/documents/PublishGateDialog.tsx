import { useEditorStore } from '../store/editor-store.js';
import { publish } from './doc-actions.js';
import { PublishDialog } from './PublishDialog.js';

/**
 * Opens when a gate refused a publish (failing scenarios, replies that would be blocked, groups
 * not live) or live moved while it was checked (409), whatever was published; a blocked reply
 * of the open flow is one click from its node.
 */
export function PublishGateDialog() {
  const gate = useEditorStore((s) => s.publishGate);
  const openFlowId = useEditorStore((s) => s.meta?.id);
  const setPublishGate = useEditorStore((s) => s.setPublishGate);
  const requestNodeFocus = useEditorStore((s) => s.requestNodeFocus);
  if (!gate) return null;
  const showNode =
    gate.kind === 'flows' && gate.id === openFlowId
      ? (nodeId: string) => {
          setPublishGate(null);
          requestNodeFocus(nodeId);
        }
      : undefined;
  return (
    <PublishDialog
      key={`${gate.kind}/${gate.id}`}
      name={gate.name}
      failures={gate.failures}
      content={gate.content}
      groups={gate.groups}
      liveMoved={gate.liveMoved === true}
      onClose={() => setPublishGate(null)}
      onPublish={(note, flags) => void publish(gate.kind, gate.id, note, flags)}
      {...(showNode ? { onShowNode: showNode } : {})}
    />
  );
}
