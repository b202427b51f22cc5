import '../styles.css';
import './admin.css';
import { createRoot } from 'react-dom/client';
import { ADMIN_CONFIG_ELEMENT_ID, type AdminConfig } from './admin-config.ts';
import { AdminApp } from './AdminApp.tsx';

/** The volunteer area's entry: the server's shell holds its configuration as JSON. */
function readConfig(): AdminConfig {
  try {
    const text = document.getElementById(ADMIN_CONFIG_ELEMENT_ID)?.textContent;
    return text ? (JSON.parse(text) as AdminConfig) : { tiles: null };
  } catch {
    return { tiles: null };
  }
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<AdminApp config={readConfig()} />);
