import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert } from '../../../ui/Alert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useWorkspace } from '../session.ts';
import { AddPostButton, AddTouchpointButton } from './DialogButtons.tsx';
import { Journey } from './Journey.tsx';
import { NoticeContext } from './notice.ts';

export function ListeningPostsPage() {
  const workspace = useWorkspace();
  const [notice, setNotice] = useState<ReactNode>(null);
  return (
    <NoticeContext value={setNotice}>
      <Page
        title="Listening posts"
        description="The moments of the customer journey that matter, and the channels that listen at each."
        actions={
          workspace.canManage && (
            <>
              <AddTouchpointButton />
              <AddPostButton />
            </>
          )
        }
      >
        {!workspace.canManage && (
          <Alert>
            <p>
              You are {workspace.role === 'agent' ? 'an' : 'a'} {workspace.role} here. Only owners
              and admins can add touchpoints and listening posts, or pause them.
            </p>
          </Alert>
        )}
        {/* Mounted from the start, so screen readers announce what the dialogs did. */}
        <div role="status" className="notice-region">
          {notice && (
            <Alert tone="success">
              <p>{notice}</p>
            </Alert>
          )}
        </div>
        <Journey />
      </Page>
    </NoticeContext>
  );
}
