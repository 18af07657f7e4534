namespace BennBot.FakeTelegram; public static class X{}
