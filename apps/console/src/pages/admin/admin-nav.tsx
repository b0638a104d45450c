import { NavLink } from 'react-router';

const SECTIONS = [
  { to: '/admin/states', label: 'States' },
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/api-keys', label: 'API keys' },
  { to: '/admin/webhooks', label: 'Webhooks' },
];

/** The administration's own menu, above each of its pages. */
export function AdminNav() {
  return (
    <nav aria-label="Administration" className="margin-bottom-2">
      <ul className="usa-button-group">
        {SECTIONS.map((section) => (
          <li key={section.to} className="usa-button-group__item">
            <NavLink to={section.to} className={({ isActive }) => `usa-button${isActive ? '' : ' usa-button--outline'}`}>
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
