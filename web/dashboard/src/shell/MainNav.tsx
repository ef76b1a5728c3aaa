import { NavLink } from 'react-router-dom';

export function MainNav({ workspaceId }: { workspaceId: string }) {
  const base = `/w/${workspaceId}`;
  return (
    <nav className="main-nav" aria-label="Main">
      <NavLink to={base} end>
        Home
      </NavLink>
      <NavLink to={`${base}/inbox`}>Inbox</NavLink>
      <NavLink to={`${base}/cases`}>Cases</NavLink>
      <NavLink to={`${base}/themes`}>Themes</NavLink>
      <NavLink to={`${base}/kudos`}>Kudos</NavLink>
      <NavLink to={`${base}/loop-metrics`}>Loop metrics</NavLink>
      <NavLink to={`${base}/alerts`}>Alerts</NavLink>
      {/* Setting up: how feedback comes in, is routed and answered, and who works here. */}
      <NavLink to={`${base}/case-rules`}>Case rules</NavLink>
      <NavLink to={`${base}/reply-snippets`}>Reply snippets</NavLink>
      <NavLink to={`${base}/listening-posts`}>Listening posts</NavLink>
      <NavLink to={`${base}/surveys`}>Surveys</NavLink>
      <NavLink to={`${base}/imports`}>Imports</NavLink>
      <NavLink to={`${base}/email`}>Email</NavLink>
      <NavLink to={`${base}/directory`}>Directory</NavLink>
      <NavLink to={`${base}/members`}>Members</NavLink>
      <NavLink to={`${base}/api-keys`}>API keys</NavLink>
      <NavLink to={`${base}/settings`}>Settings</NavLink>
      <a href="/api/docs" target="_blank" rel="noopener noreferrer">
        API docs
        <span aria-hidden="true"> ↗</span>
        <span className="visually-hidden"> (opens in a new tab)</span>
      </a>
    </nav>
  );
}
