import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { createRoot } from 'react-dom/client';
import { createFramework } from '../../src-core/model/defaults';
import { App } from './app/App';
import { startup } from './app/startup';
import { installHost } from './host/installHost';
import { createEditorStore } from './store/editorStore';

async function main(): Promise<void> {
  const host = installHost();
  const settings = await host.getSettings();
  const store = createEditorStore({ framework: createFramework() });
  store.setSession({ laneOrientation: settings.laneOrientation, theme: settings.theme });
  await startup(store);
  createRoot(document.getElementById('root')!).render(<App store={store} host={host} settings={settings} />);
}

void main();
