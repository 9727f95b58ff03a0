import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { App } from './App';
import { installFonts } from './ui/fonts';
import { preloadSessionsOnNavigation } from './state/sessionController';

// Inter, self-hosted: the same letters on every laptop (ui/fonts.ts).
installFonts();

// Registered before the router's own listener: a session is read while its page is being drawn.
preloadSessionsOnNavigation();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
