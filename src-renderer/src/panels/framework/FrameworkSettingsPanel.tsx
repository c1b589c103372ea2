import { MasteryScaleEditor } from './MasteryScaleEditor';
import { DomainsEditor } from './DomainsEditor';

/** The framework-wide mastery scale and the domains / strands. */
export function FrameworkSettingsPanel() {
  return (
    <div className="panel">
      <MasteryScaleEditor />
      <DomainsEditor />
    </div>
  );
}
