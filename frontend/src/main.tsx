import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles.css';
import { Root } from './App';
import { rememberedLanguage, setLanguage } from './i18n';

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}

// Dutch is built in; English is loaded first when it was chosen before.
if (rememberedLanguage() === 'en') void setLanguage('en', false).finally(render);
else render();
